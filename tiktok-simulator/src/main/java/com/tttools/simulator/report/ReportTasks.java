package com.tttools.simulator.report;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** Async report tasks. Status moves QUEUING -> PROCESSING -> SUCCESS one step per task/check call. */
public final class ReportTasks {

    public static final class Task {
        public final String id;
        public final Map<String, Object> request;
        public final List<Integer> advertisers;
        public final String outputFormat;
        public final String fileName;
        public final boolean translateTitles;
        public final long createdAt;
        volatile String status = "QUEUING";
        volatile int polls;
        volatile String message = "";

        Task(String id, Map<String, Object> request, List<Integer> advertisers, String outputFormat, String fileName, boolean translateTitles,
             long createdAt) {
            this.id = id;
            this.request = request;
            this.advertisers = List.copyOf(advertisers);
            this.outputFormat = outputFormat;
            this.fileName = fileName;
            this.translateTitles = translateTitles;
            this.createdAt = createdAt;
        }

        public String status() {
            return status;
        }
    }

    private final Map<String, Task> tasks = new ConcurrentHashMap<>();
    private final AtomicLong sequence = new AtomicLong();

    public Task create(Map<String, Object> request, List<Integer> advertisers, String outputFormat, String fileName, boolean translate, long now) {
        String id = Long.toString(7_356_000_000_000_000_000L + sequence.incrementAndGet() * 1009);
        Task task = new Task(id, request, advertisers, outputFormat, fileName, translate, now);
        tasks.put(id, task);
        return task;
    }

    public Task get(String id) {
        return id == null ? null : tasks.get(id);
    }

    /** One poll: advances the task towards SUCCESS after the configured number of polls. */
    public synchronized Task poll(Task task, int pollsToComplete) {
        if (task.status.equals("QUEUING") || task.status.equals("PROCESSING")) {
            task.polls++;
            task.status = task.polls >= pollsToComplete ? "SUCCESS" : "PROCESSING";
        }
        return task;
    }

    public synchronized boolean cancel(Task task) {
        if (task.status.equals("QUEUING") || task.status.equals("PROCESSING")) {
            task.status = "CANCELED";
            return true;
        }
        return false;
    }

    public void fail(Task task, String message) {
        task.status = "FAILED";
        task.message = message;
    }

    public String message(Task task) {
        return task.message;
    }

    public void clear() {
        tasks.clear();
    }
}
