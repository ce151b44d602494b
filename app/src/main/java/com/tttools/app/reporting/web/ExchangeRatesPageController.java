package com.tttools.app.reporting.web;

import com.tttools.app.identity.AuthenticatedUser;
import com.tttools.app.reporting.Timezones;
import com.tttools.app.reporting.rates.ExchangeRateStore;
import com.tttools.app.reporting.rates.WorkspaceRates;
import com.tttools.app.shared.NotFoundException;
import com.tttools.app.shared.ValidationFailedException;
import com.tttools.app.shared.audit.Actor;
import com.tttools.app.shared.audit.RequestMetadata;
import com.tttools.app.tenancy.RequireWorkspace;
import com.tttools.app.tenancy.WorkspaceAccess;
import com.tttools.app.tenancy.WorkspacePermission;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * {@code /workspaces/{wsId}/settings/exchange-rates}: the rates reports convert with. Everyone who sees reports sees
 * the reference table's state (source, newest date, the latest rate per currency) and the workspace's own rates;
 * workspace admins add, change and delete their own (audited).
 */
@Controller
class ExchangeRatesPageController {

    private final ExchangeRateStore store;
    private final WorkspaceRates rates;
    private final Clock clock;

    ExchangeRatesPageController(ExchangeRateStore store, WorkspaceRates rates, Clock clock) {
        this.store = store;
        this.rates = rates;
        this.clock = clock;
    }

    @GetMapping("/workspaces/{wsId}/settings/exchange-rates")
    String page(@RequireWorkspace(WorkspacePermission.VIEW_REPORTS) WorkspaceAccess granted, Model model) {
        return render(granted, model, Map.of(), Map.of());
    }

    @PostMapping("/workspaces/{wsId}/settings/exchange-rates")
    String set(@AuthenticationPrincipal AuthenticatedUser caller,
            @RequireWorkspace(WorkspacePermission.MANAGE_WORKSPACE_SETTINGS) WorkspaceAccess granted,
            @RequestParam(required = false) String currency, @RequestParam(required = false) String date,
            @RequestParam(required = false) String perEur, Model model, HttpServletResponse response,
            RedirectAttributes redirect, RequestMetadata request) {
        WorkspaceRates.Entry entry;
        try {
            entry = WorkspaceRates.validate(currency, date, perEur, today(granted));
        } catch (ValidationFailedException e) {
            Map<String, String> errors = new LinkedHashMap<>();
            e.problems().forEach(p -> errors.putIfAbsent(p.field(), p.message()));
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            Map<String, String> values = new LinkedHashMap<>();
            values.put("currency", currency == null ? "" : currency);
            values.put("date", date == null ? "" : date);
            values.put("perEur", perEur == null ? "" : perEur);
            return render(granted, model, errors, values);
        }
        rates.set(granted, Actor.user(caller.id(), caller.email()), entry, request);
        redirect.addFlashAttribute("notice", "Saved: 1 EUR = " + entry.perEur().toPlainString() + " " + entry.currency()
                + " on " + entry.date() + ".");
        return "redirect:/workspaces/" + granted.workspaceId() + "/settings/exchange-rates";
    }

    @PostMapping("/workspaces/{wsId}/settings/exchange-rates/delete")
    String delete(@AuthenticationPrincipal AuthenticatedUser caller,
            @RequireWorkspace(WorkspacePermission.MANAGE_WORKSPACE_SETTINGS) WorkspaceAccess granted,
            @RequestParam(required = false) String currency, @RequestParam(required = false) String date,
            RedirectAttributes redirect, RequestMetadata request) {
        LocalDate day;
        try {
            day = LocalDate.parse(date == null ? "" : date);
        } catch (DateTimeParseException e) {
            throw new NotFoundException("Exchange rate");
        }
        if (currency == null || !rates.delete(granted, Actor.user(caller.id(), caller.email()), currency, day,
                request)) {
            throw new NotFoundException("Exchange rate");
        }
        redirect.addFlashAttribute("notice", "Deleted the " + currency + " rate of " + day + ".");
        return "redirect:/workspaces/" + granted.workspaceId() + "/settings/exchange-rates";
    }

    private String render(WorkspaceAccess granted, Model model, Map<String, String> errors, Map<String, String> values) {
        model.addAttribute("workspace", granted);
        model.addAttribute("manages", granted.can(WorkspacePermission.MANAGE_WORKSPACE_SETTINGS));
        model.addAttribute("reference", store.referenceStatus());
        model.addAttribute("latest", store.latestReference());
        model.addAttribute("own", store.workspaceRates(granted.workspaceId(), 200));
        model.addAttribute("errors", errors);
        model.addAttribute("values", values);
        model.addAttribute("today", today(granted).toString());
        return "reporting/exchange-rates";
    }

    private LocalDate today(WorkspaceAccess granted) {
        return LocalDate.now(clock.withZone(Timezones.zoneOrUtc(granted.timezone())));
    }
}
