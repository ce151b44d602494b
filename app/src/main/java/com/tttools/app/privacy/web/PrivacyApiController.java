package com.tttools.app.privacy.web;

import com.tttools.app.shared.OrganizationId;
import com.tttools.app.identity.AuthenticatedUser;
import com.tttools.app.platform.web.Problems;
import com.tttools.app.privacy.AccountDeletionBlocked;
import com.tttools.app.privacy.AccountDeletions;
import com.tttools.app.privacy.PersonalDataExport;
import com.tttools.app.privacy.PersonalDataExportStatus;
import com.tttools.app.privacy.PersonalDataExports;
import com.tttools.app.shared.NotFoundException;
import com.tttools.app.shared.audit.RequestMetadata;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.Optional;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Personal data export and account deletion ({@code /api/v1/me/export}, {@code /api/v1/me/exports},
 * {@code DELETE /api/v1/me}) and organization exports for owners ({@code /api/v1/organizations/{orgId}/exports}).
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Privacy", description = "Personal data export, account deletion, organization data export")
class PrivacyApiController {

    record DeleteAccount(String password, String totpCode) {
        @Override
        public String toString() {
            return "DeleteAccount[]";
        }
    }

    private final PersonalDataExports exports;
    private final AccountDeletions deletions;

    PrivacyApiController(PersonalDataExports exports, AccountDeletions deletions) {
        this.exports = exports;
        this.deletions = deletions;
    }

    @GetMapping("/me/export")
    @Operation(summary = "Everything held about the caller, as JSON (the same content as an export's data.json)")
    PersonalDataExport inline(@AuthenticationPrincipal AuthenticatedUser caller, RequestMetadata request) {
        return exports.collect(caller.id(), request);
    }

    @PostMapping("/me/exports")
    @Operation(summary = "Start an export of the caller's personal data (a background job; Idempotency-Key accepted). 202 {id, status}")
    ResponseEntity<PersonalDataExportStatus> request(@AuthenticationPrincipal AuthenticatedUser caller,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
        return ResponseEntity.accepted().body(exports.request(caller.id(), idempotencyKey));
    }

    @GetMapping("/me/exports/{id}")
    @Operation(summary = "An export's status: QUEUED, RUNNING, READY (with downloadUrl and expiresAt), FAILED or EXPIRED; progress 0..100. 404 for anyone but its owner")
    PersonalDataExportStatus status(@AuthenticationPrincipal AuthenticatedUser caller, @PathVariable String id) {
        return exports.find(caller.id(), id).orElseThrow(() -> new NotFoundException("Export"));
    }

    @GetMapping("/me/exports/{id}/download")
    @Operation(summary = "The export as application/zip (data.json, one CSV per section, README.txt), for 24 h, only to its owner")
    ResponseEntity<byte[]> download(@AuthenticationPrincipal AuthenticatedUser caller, @PathVariable String id,
            RequestMetadata request) {
        return zip(exports.download(caller.id(), id, request), "tttools-personal-data-" + id + ".zip");
    }

    @PostMapping("/organizations/{orgId}/exports")
    @Operation(summary = "Owners only: start an export of the organization (members, workspaces, settings, invitations, audit log); same shape as /me/exports")
    ResponseEntity<PersonalDataExportStatus> requestOrganization(@AuthenticationPrincipal AuthenticatedUser caller,
            @PathVariable OrganizationId orgId,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
        return ResponseEntity.accepted()
                .body(exports.requestOrganization(caller.id(), orgId, idempotencyKey));
    }

    @GetMapping("/organizations/{orgId}/exports/{id}")
    @Operation(summary = "Owners only: the organization export's status (same shape as /me/exports/{id})")
    PersonalDataExportStatus organizationStatus(@AuthenticationPrincipal AuthenticatedUser caller,
            @PathVariable OrganizationId orgId, @PathVariable String id) {
        return exports.findOrganization(caller.id(), orgId, id)
                .orElseThrow(() -> new NotFoundException("Export"));
    }

    @GetMapping("/organizations/{orgId}/exports/{id}/download")
    @Operation(summary = "Owners only: the organization export as application/zip, for 24 h, only to the owner who asked for it")
    ResponseEntity<byte[]> organizationDownload(@AuthenticationPrincipal AuthenticatedUser caller,
            @PathVariable OrganizationId orgId, @PathVariable String id) {
        return zip(exports.downloadOrganization(caller.id(), orgId, id),
                "tttools-organization-data-" + id + ".zip");
    }

    @DeleteMapping("/me")
    @Operation(summary = "Delete the caller's account: {password, totpCode?}. 204: sessions and tokens end at once, data erased after 14 days unless the owner signs in again, and then the organizations in which the caller is the only member (listed beforehand on the Your data page) are deleted with everything in them; 422 wrong password/code; 409 {organizations: [{id, name, transferUrl}]} while the last owner of an organization with other members")
    ResponseEntity<Void> deleteAccount(@AuthenticationPrincipal AuthenticatedUser caller,
            @RequestBody(required = false) DeleteAccount body, HttpServletRequest request, RequestMetadata metadata) {
        DeleteAccount input = body == null ? new DeleteAccount(null, null) : body;
        deletions.request(caller.id(), input.password(), input.totpCode(), metadata);
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        SecurityContextHolder.clearContext();
        return ResponseEntity.noContent().build();
    }

    @ExceptionHandler(AccountDeletionBlocked.class)
    ResponseEntity<ProblemDetail> blocked(AccountDeletionBlocked ex, HttpServletRequest request) {
        ProblemDetail problem = Problems.problem(HttpStatus.CONFLICT, ex.getMessage()
                + " You are the last owner of these organizations, which have other members.", request,
                request.getRequestURI());
        problem.setProperty("organizations", ex.organizations());
        return Problems.response(problem);
    }

    /** The ZIP as an attachment that is never cached; 404 when there is none (also for the pages). */
    static ResponseEntity<byte[]> zip(Optional<byte[]> bytes, String filename) {
        byte[] zip = bytes.orElseThrow(() -> new NotFoundException("Export"));
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("application/zip"))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(filename).build().toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(zip);
    }
}
