package com.tttools.simulator.report;

import java.util.ArrayList;
import java.util.List;

import com.tttools.simulator.data.Dataset;
import com.tttools.simulator.data.Market;

/** Audience and country splits with fixed shares; parts are cut from cumulative shares so they sum exactly. */
final class Breakdowns {

    private static final String[] AGES = {"AGE_13_17", "AGE_18_24", "AGE_25_34", "AGE_35_44", "AGE_45_54", "AGE_55_100"};
    private static final int[] AGE_SHARE = {2, 24, 33, 21, 12, 8};
    private static final String[] GENDERS = {"FEMALE", "MALE", "NONE"};
    private static final int[] GENDER_SHARE = {52, 45, 3};
    private static final String[] PLATFORMS = {"ANDROID", "IPHONE", "IPAD", "OTHERS"};
    private static final int[] PLATFORM_SHARE = {55, 38, 4, 3};

    /** One value per combination: labels[i] holds the dimension values, cum[i..i+1] the share in millionths. */
    record Split(List<String[]> labels, long[] cum) {
        int size() {
            return labels.size();
        }

        long part(long value, int i) {
            return value * cum[i + 1] / 1_000_000 - value * cum[i] / 1_000_000;
        }
    }

    private Breakdowns() {
    }

    static Split of(List<String> dims, Dataset data, int advertiser) {
        List<String[]> labels = new ArrayList<>();
        List<Double> shares = new ArrayList<>();
        labels.add(new String[0]);
        shares.add(1.0);
        for (String dim : dims) {
            String[] values;
            int[] weights;
            switch (dim) {
                case "age" -> {
                    values = AGES;
                    weights = AGE_SHARE;
                }
                case "gender" -> {
                    values = GENDERS;
                    weights = GENDER_SHARE;
                }
                case "platform" -> {
                    values = PLATFORMS;
                    weights = PLATFORM_SHARE;
                }
                default -> {
                    String home = advertiser < 0 ? "US" : data.market(advertiser).country();
                    List<String> countries = new ArrayList<>(List.of(home));
                    for (Market m : Market.ALL) {
                        if (countries.size() < 3 && !countries.contains(m.country())) {
                            countries.add(m.country());
                        }
                    }
                    values = countries.toArray(String[]::new);
                    weights = new int[]{70, 20, 10};
                }
            }
            int total = 0;
            for (int w : weights) {
                total += w;
            }
            List<String[]> nextLabels = new ArrayList<>();
            List<Double> nextShares = new ArrayList<>();
            for (int i = 0; i < labels.size(); i++) {
                for (int v = 0; v < values.length; v++) {
                    String[] l = java.util.Arrays.copyOf(labels.get(i), labels.get(i).length + 1);
                    l[l.length - 1] = values[v];
                    nextLabels.add(l);
                    nextShares.add(shares.get(i) * weights[v] / total);
                }
            }
            labels = nextLabels;
            shares = nextShares;
        }
        long[] cum = new long[labels.size() + 1];
        double run = 0;
        for (int i = 0; i < labels.size(); i++) {
            run += shares.get(i);
            cum[i + 1] = Math.round(run * 1_000_000);
        }
        cum[labels.size()] = 1_000_000;
        return new Split(labels, cum);
    }
}
