package com.tttools.simulator.data;

import java.util.Arrays;

/** Growable int array: keeps generation free of boxed integers. */
final class IntList {

    private int[] values;
    private int size;

    IntList(int capacity) {
        values = new int[capacity];
    }

    void add(int value) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = value;
    }

    int size() {
        return size;
    }

    int[] toArray() {
        return Arrays.copyOf(values, size);
    }
}
