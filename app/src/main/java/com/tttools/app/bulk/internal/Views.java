package com.tttools.app.bulk.internal;

import com.tttools.app.bulk.ChangeSetView;
import com.tttools.app.bulk.LineStatus;
import com.tttools.app.bulk.WeeklySchedule;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Stored rows as the API's change set object. */
@Component
class Views {

    private final ChangeSetRepository repository;

    Views(ChangeSetRepository repository) {
        this.repository = repository;
    }

    ChangeSetView full(ChangeSetRepository.Row row) {
        return full(row, repository.lines(row.workspaceId(), row.id()));
    }

    /** With lines the caller holds already (a plan just stored), instead of reading them back. */
    ChangeSetView full(ChangeSetRepository.Row row, List<ChangeSetRepository.LineRow> lines) {
        Map<LineStatus, Integer> counts = new EnumMap<>(LineStatus.class);
        lines.forEach(l -> counts.merge(l.status(), 1, Integer::sum));
        return view(row, counts, lines.stream().map(Views::line).toList());
    }

    ChangeSetView summary(ChangeSetRepository.Row row) {
        return view(row, repository.lineCounts(row.workspaceId(), row.id()), null);
    }

    private ChangeSetView view(ChangeSetRepository.Row row, Map<LineStatus, Integer> c,
            List<ChangeSetView.Line> lines) {
        ChangeSetView.Counts counts = counts(c);
        return new ChangeSetView(row.id().toString(), row.status(), row.action(), row.level(),
                row.createdBy().toString(), row.createdByEmail(), row.createdAt(), row.expiresAt(),
                row.needsApproval(), row.approvalReasons(), repository.approvals(row.workspaceId(), row.id()),
                row.runAt(), schedule(row.schedule()), row.nextRunAt(), counts, totals(row.totals()), lines,
                row.revertOf() == null ? null : row.revertOf().toString(), row.jobId() == null ? null : row.jobId().toString(), row.cancelRequested(),
                row.startedAt(), row.finishedAt());
    }

    /** The counts of these lines (SENDING counts as pending). */
    static ChangeSetView.Counts counts(List<ChangeSetRepository.LineRow> lines) {
        Map<LineStatus, Integer> c = new EnumMap<>(LineStatus.class);
        lines.forEach(l -> c.merge(l.status(), 1, Integer::sum));
        return counts(c);
    }

    private static ChangeSetView.Counts counts(Map<LineStatus, Integer> c) {
        int total = c.values().stream().mapToInt(Integer::intValue).sum();
        return new ChangeSetView.Counts(total,
                c.getOrDefault(LineStatus.PENDING, 0) + c.getOrDefault(LineStatus.SENDING, 0),
                c.getOrDefault(LineStatus.APPLIED, 0), c.getOrDefault(LineStatus.SKIPPED, 0),
                c.getOrDefault(LineStatus.FAILED, 0), c.getOrDefault(LineStatus.VERIFIED, 0),
                c.getOrDefault(LineStatus.DRIFTED, 0));
    }

    @SuppressWarnings("unchecked")
    static WeeklySchedule schedule(Map<String, Object> stored) {
        if (stored == null) {
            return null;
        }
        return new WeeklySchedule((List<String>) stored.get("days"), (String) stored.get("time"),
                (String) stored.get("timezone"));
    }

    @SuppressWarnings("unchecked")
    static Map<String, ChangeSetView.Total> totals(Map<String, Object> stored) {
        Map<String, ChangeSetView.Total> out = new LinkedHashMap<>();
        if (stored != null) {
            stored.forEach((currency, value) -> {
                Map<String, Object> t = (Map<String, Object>) value;
                out.put(currency, new ChangeSetView.Total(new BigDecimal(t.get("before").toString()),
                        new BigDecimal(t.get("after").toString())));
            });
        }
        return out;
    }

    static ChangeSetView.Line line(ChangeSetRepository.LineRow l) {
        ChangeSetView.LineError error = l.errorCode() == null && l.errorMessage() == null ? null
                : new ChangeSetView.LineError(l.errorCode(), l.errorMessage(), l.errorRequestId());
        return new ChangeSetView.Line(l.tiktokId(), l.name(), l.advertiserId(), l.currency(), l.before(), l.after(),
                new ArrayList<>(l.warnings()), l.status() == LineStatus.SENDING ? LineStatus.PENDING : l.status(),
                l.note(), error);
    }
}
