package com.tttools.app.tiktok;

import com.tttools.app.shared.WorkspaceId;
import java.util.Collection;
import java.util.Map;

/**
 * Names of a workspace's advertisers, for pages of this module that list granted ad accounts. This module keeps only
 * ids; the modules that sync (and depend on this one) know the names and implement it.
 */
public interface AdvertiserNames {

    /** The known names of these advertiser ids (ids without a known name are left out). */
    Map<String, String> of(WorkspaceId workspaceId, Collection<String> advertiserIds);
}
