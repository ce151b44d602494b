package com.tttools.app.reporting.web;

import com.tttools.app.identity.AuthenticatedUser;
import com.tttools.app.reporting.Timezones;
import com.tttools.app.reporting.rates.ExchangeRateStore;
import com.tttools.app.reporting.rates.WorkspaceRates;
import com.tttools.app.shared.NotFoundException;
import com.tttools.app.shared.FieldProblem;
import com.tttools.app.shared.validation.IsoDate;
import com.tttools.app.reporting.rates.RateForm;
import com.tttools.app.shared.audit.Actor;
import com.tttools.app.shared.audit.RequestMetadata;
import com.tttools.app.tenancy.RequireWorkspace;
import com.tttools.app.tenancy.WorkspaceAccess;
import com.tttools.app.tenancy.WorkspacePermission;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.LocalDate;
import jakarta.validation.Valid;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ModelAttribute;
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
        model.addAttribute("form", RateForm.empty());
        return render(granted, model);
    }

    /**
     * The enter-a-rate form, bound to {@link RateForm}: invalid fields answer 422 with the page again, each problem
     * next to its field (after the permission check, so others still get 404 or 403).
     */
    @PostMapping("/workspaces/{wsId}/settings/exchange-rates")
    String set(@AuthenticationPrincipal AuthenticatedUser caller,
            @RequireWorkspace(WorkspacePermission.MANAGE_WORKSPACE_SETTINGS) WorkspaceAccess granted,
            @Valid @ModelAttribute("form") RateForm form, BindingResult errors, Model model,
            HttpServletResponse response, RedirectAttributes redirect, RequestMetadata request) {
        for (FieldProblem problem : WorkspaceRates.problems(form, today(granted))) {
            if (!errors.hasFieldErrors(problem.field())) {
                errors.rejectValue(problem.field(), "invalid", problem.message());
            }
        }
        if (errors.hasErrors()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return render(granted, model);
        }
        WorkspaceRates.Entry entry = WorkspaceRates.entry(form);
        rates.set(granted, Actor.user(caller.id(), caller.email()), entry, request);
        redirect.addFlashAttribute("notice", "Saved: 1 EUR = " + entry.perEur().toPlainString() + " " + entry.currency()
                + " on " + entry.date() + ".");
        return "redirect:/workspaces/" + granted.workspaceId() + "/settings/exchange-rates";
    }

    /** A row's delete button; a currency or date that names no entered rate (or is no date) is a 404. */
    @PostMapping("/workspaces/{wsId}/settings/exchange-rates/delete")
    String delete(@AuthenticationPrincipal AuthenticatedUser caller,
            @RequireWorkspace(WorkspacePermission.MANAGE_WORKSPACE_SETTINGS) WorkspaceAccess granted,
            @RequestParam(required = false) String currency, @RequestParam(required = false) String date,
            RedirectAttributes redirect, RequestMetadata request) {
        LocalDate day = IsoDate.Validator.parse(date);
        if (currency == null || day == null || !rates.delete(granted, Actor.user(caller.id(), caller.email()),
                currency, day, request)) {
            throw new NotFoundException("Exchange rate");
        }
        redirect.addFlashAttribute("notice", "Deleted the " + currency + " rate of " + day + ".");
        return "redirect:/workspaces/" + granted.workspaceId() + "/settings/exchange-rates";
    }

    private String render(WorkspaceAccess granted, Model model) {
        model.addAttribute("workspace", granted);
        model.addAttribute("manages", granted.can(WorkspacePermission.MANAGE_WORKSPACE_SETTINGS));
        model.addAttribute("reference", store.referenceStatus());
        model.addAttribute("latest", store.latestReference());
        model.addAttribute("own", store.workspaceRates(granted.workspaceId(), 200));
        model.addAttribute("today", today(granted).toString());
        return "reporting/exchange-rates";
    }

    private LocalDate today(WorkspaceAccess granted) {
        return LocalDate.now(clock.withZone(Timezones.zoneOrUtc(granted.timezone())));
    }
}
