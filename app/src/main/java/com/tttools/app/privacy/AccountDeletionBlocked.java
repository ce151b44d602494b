package com.tttools.app.privacy;

import java.util.List;

/**
 * The user is the last owner of organizations that have other members: ownership must be transferred first
 * (answered 409 with the organizations and where to transfer).
 */
public class AccountDeletionBlocked extends RuntimeException {

    public record Organization(String id, String name, String transferUrl) {
    }

    private final List<Organization> organizations;

    public AccountDeletionBlocked(List<Organization> organizations) {
        super("Transfer ownership of " + organizations.size() + " organization(s) before deleting your account.");
        this.organizations = List.copyOf(organizations);
    }

    public List<Organization> organizations() {
        return organizations;
    }
}
