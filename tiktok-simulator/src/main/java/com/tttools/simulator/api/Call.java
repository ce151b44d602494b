package com.tttools.simulator.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.tttools.simulator.core.ApiException;
import com.tttools.simulator.core.Paging;
import com.tttools.simulator.core.Params;
import com.tttools.simulator.data.Dataset;
import com.tttools.simulator.data.Level;
import com.tttools.simulator.data.World;
import com.tttools.simulator.oauth.Token;

/** One API call as the handlers see it. */
public final class Call {

    public final Sim sim;
    public final World world;
    public final Params params;
    public final String path;
    public final String method;
    public final Token token;
    /** Context path + servlet path: the prefix every link the simulator emits must carry. */
    public final String base;
    public final long now;
    private final List<String> applied = new ArrayList<>();

    public Call(Sim sim, Params params, String path, String method, Token token, String base) {
        this.sim = sim;
        this.world = sim.world();
        this.params = params;
        this.path = path;
        this.method = method;
        this.token = token;
        this.base = base;
        this.now = world.now();
    }

    /** A write handler names the ids it changed, once every id of the call has been validated. */
    void applied(List<String> ids) {
        applied.addAll(ids);
    }

    List<String> applied() {
        return applied;
    }

    public Dataset data() {
        return world.data;
    }

    /** Resolves an advertiser id and checks the token was granted it. */
    public int advertiser(String id) {
        int idx = world.data.index(Level.ADVERTISER, id);
        if (idx < 0 || token == null || !token.advertisers.contains(idx)) {
            throw new ApiException(ApiException.NO_PERMISSION, "No permission to operate advertiser " + id + ".");
        }
        return idx;
    }

    public int advertiserParam() {
        return advertiser(params.required("advertiser_id"));
    }

    public List<Integer> advertisersParam(String name, int max) {
        List<String> ids = params.stringList(name);
        if (ids == null || ids.isEmpty()) {
            throw ApiException.invalid(name + ": Missing data for required field.");
        }
        if (ids.size() > max) {
            throw ApiException.invalid(name + ": Length must be between 1 and " + max + ".");
        }
        List<Integer> out = new ArrayList<>();
        for (String id : ids) {
            out.add(advertiser(id));
        }
        return out;
    }

    public Paging paging(int defaultSize, int maxSize) {
        return Paging.from(params, defaultSize, maxSize);
    }

    public Map<String, Object> pageInfo(Paging paging, int total) {
        return paging.info(total, world.behaviour().emptyTotalPage());
    }
}
