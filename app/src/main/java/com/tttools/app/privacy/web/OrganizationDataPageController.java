package com.tttools.app.privacy.web;

import com.tttools.app.identity.AuthenticatedUser;
import com.tttools.app.privacy.PersonalDataExports;
import com.tttools.app.privacy.PrivacyProperties;
import com.tttools.app.shared.NotFoundException;
import com.tttools.app.shared.ValidationFailedException;
import com.tttools.app.tenancy.OrganizationAccess;
import com.tttools.app.tenancy.OrganizationPermission;
import com.tttools.app.tenancy.RequireOrganization;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * {@code /organizations/{orgId}/data}: the owners' page for the organization export (the same service calls as
 * {@code /api/v1/organizations/{orgId}/exports}), linked from the organization settings. Like the "Your data" page:
 * the owner's recent exports with their state in words, htmx polling while one runs, the download link when ready.
 * The form carries an idempotency key made when the page was drawn, so a double submit starts one export.
 */
@Controller
class OrganizationDataPageController {

    private static final int SHOWN = 5;

    private final PersonalDataExports exports;
    private final PrivacyProperties properties;

    OrganizationDataPageController(PersonalDataExports exports, PrivacyProperties properties) {
        this.exports = exports;
        this.properties = properties;
    }

    @GetMapping("/organizations/{orgId}/data")
    String page(@RequireOrganization(OrganizationPermission.EXPORT_ORGANIZATION_DATA) OrganizationAccess organization,
            Model model) {
        model.addAttribute("organization", organization);
        model.addAttribute("exports", exports.recentOrganization(organization.userId(), organization.organizationId(),
                SHOWN));
        model.addAttribute("exportsPath", exportsPath(organization));
        model.addAttribute("exportHours", properties.exportLifetime().toHours());
        model.addAttribute("idempotencyKey", UUID.randomUUID().toString());
        return "privacy/organization-data";
    }

    @PostMapping("/organizations/{orgId}/data/exports")
    String requestExport(
            @RequireOrganization(OrganizationPermission.EXPORT_ORGANIZATION_DATA) OrganizationAccess organization,
            @RequestParam(required = false) String idempotencyKey, RedirectAttributes redirect) {
        try {
            exports.requestOrganization(organization.userId(), organization.organizationId(), idempotencyKey);
            redirect.addFlashAttribute("notice", "The export is being prepared. This page shows when it is ready.");
        } catch (ValidationFailedException invalid) {
            redirect.addFlashAttribute("error", "The form was not sent as drawn; nothing was started. Try again.");
        }
        return "redirect:/organizations/" + organization.organizationId() + "/data";
    }

    @GetMapping("/organizations/{orgId}/data/exports/{id}")
    String exportStatus(@RequireOrganization(OrganizationPermission.EXPORT_ORGANIZATION_DATA) OrganizationAccess organization,
            @PathVariable String id, Model model) {
        model.addAttribute("export", exports.findOrganization(organization.userId(), organization.organizationId(), id)
                .orElseThrow(() -> new NotFoundException("Export")));
        model.addAttribute("exportsPath", exportsPath(organization));
        return "privacy/export-status :: status";
    }

    @GetMapping("/organizations/{orgId}/data/exports/{id}/download")
    ResponseEntity<byte[]> download(
            @RequireOrganization(OrganizationPermission.EXPORT_ORGANIZATION_DATA) OrganizationAccess organization,
            @PathVariable String id) {
        return PrivacyApiController.zip(exports.downloadOrganization(organization.userId(),
                organization.organizationId(), id), "tttools-organization-data-" + id + ".zip");
    }

    private static String exportsPath(OrganizationAccess organization) {
        return "/organizations/" + organization.organizationId() + "/data/exports";
    }
}
