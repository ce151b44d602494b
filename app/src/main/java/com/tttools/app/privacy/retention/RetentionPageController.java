package com.tttools.app.privacy.retention;

import com.tttools.app.identity.AuthenticatedUser;
import com.tttools.app.privacy.Retention;
import com.tttools.app.privacy.RetentionChange;
import com.tttools.app.privacy.RetentionSetting;
import com.tttools.app.shared.FieldProblem;
import com.tttools.app.shared.ValidationFailedException;
import com.tttools.app.shared.audit.Actor;
import com.tttools.app.shared.audit.RequestMetadata;
import com.tttools.app.tenancy.OrganizationAccess;
import com.tttools.app.tenancy.OrganizationPermission;
import com.tttools.app.tenancy.RequireOrganization;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * {@code /organizations/{orgId}/retention}: the data retention settings page for organization admins (linked from
 * the organization settings). Each configurable class has a days field; refused values are shown next to it.
 */
@Controller
class RetentionPageController {

    /** One line of the page: the class in words, and the field for a configurable one. */
    record Row(String dataClass, String label, String rule, String kept, boolean configurable, String value,
            Integer minDays, Integer maxDays, String error) {
    }

    private final Retention retention;

    RetentionPageController(Retention retention) {
        this.retention = retention;
    }

    @GetMapping("/organizations/{orgId}/retention")
    String page(@RequireOrganization(OrganizationPermission.MANAGE_RETENTION) OrganizationAccess organization,
            Model model) {
        return render(organization, retention.settings(organization.organizationId()), Map.of(), Map.of(), model);
    }

    @PostMapping("/organizations/{orgId}/retention")
    String save(@AuthenticationPrincipal AuthenticatedUser caller,
            @RequireOrganization(OrganizationPermission.MANAGE_RETENTION) OrganizationAccess organization,
            @RequestParam Map<String, String> form, Model model, RedirectAttributes redirect,
            HttpServletResponse response, RequestMetadata request) {
        List<RetentionSetting> current = retention.settings(organization.organizationId());
        List<String> order = new ArrayList<>();
        List<RetentionChange> changes = new ArrayList<>();
        Map<String, String> errors = new HashMap<>();
        for (RetentionSetting setting : current) {
            String value = form.get(setting.dataClass());
            if (!setting.configurable() || value == null) {
                continue;
            }
            try {
                changes.add(new RetentionChange(setting.dataClass(), Integer.valueOf(value.strip())));
                order.add(setting.dataClass());
            } catch (NumberFormatException e) {
                errors.put(setting.dataClass(), "Enter a whole number of days.");
            }
        }
        if (errors.isEmpty() && changes.isEmpty()) {
            return "redirect:/organizations/" + organization.organizationId() + "/retention";
        }
        if (errors.isEmpty()) {
            try {
                retention.change(organization.organizationId(), changes, Actor.user(caller.id(), caller.email()),
                        request);
                redirect.addFlashAttribute("notice", "Retention saved. The next daily purge applies it.");
                return "redirect:/organizations/" + organization.organizationId() + "/retention";
            } catch (ValidationFailedException invalid) {
                for (FieldProblem problem : invalid.problems()) {
                    errors.put(classOf(problem, order), "Must be between " + boundsOf(classOf(problem, order), current)
                            + " days.");
                }
            }
        }
        response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        return render(organization, current, form, errors, model);
    }

    private String render(OrganizationAccess organization, List<RetentionSetting> settings, Map<String, String> form,
            Map<String, String> errors, Model model) {
        model.addAttribute("organization", organization);
        model.addAttribute("rows", settings.stream().map(s -> new Row(s.dataClass(), s.label(), s.rule(), kept(s),
                s.configurable(), form.getOrDefault(s.dataClass(), s.days() == null ? "" : s.days().toString()),
                s.minDays(), s.maxDays(), errors.get(s.dataClass()))).toList());
        return "privacy/retention";
    }


    /** "classes[2].days" → the class that was third in the request. */
    private static String classOf(FieldProblem problem, List<String> order) {
        int open = problem.field().indexOf('[');
        int close = problem.field().indexOf(']');
        return order.get(Integer.parseInt(problem.field().substring(open + 1, close)));
    }

    private static String boundsOf(String dataClass, List<RetentionSetting> settings) {
        return settings.stream().filter(s -> s.dataClass().equals(dataClass))
                .map(s -> s.minDays() + " and " + s.maxDays()).findFirst().orElse("the allowed");
    }

    /** How long, in words: "761 days (about 25 months)", "Until it expires", "Until deleted". */
    static String kept(RetentionSetting setting) {
        if (setting.days() == null) {
            return "Until deleted";
        }
        if (setting.days() == 0) {
            return "Until it expires";
        }
        if (setting.days() >= 60) {
            long months = Math.round(setting.days() / (365.2425 / 12));
            return setting.days() + " days (about " + months + " months)";
        }
        return setting.days() + " days";
    }
}
