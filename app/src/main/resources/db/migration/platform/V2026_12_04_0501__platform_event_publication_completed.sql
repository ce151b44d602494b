-- Completed event publications are deleted on completion from now on (completion-mode delete); the ones the
-- earlier "update" mode kept (audit and security events with e-mails, IPs, user agents) go now.
DELETE FROM event_publication WHERE completion_date IS NOT NULL;
DELETE FROM event_publication_archive;
