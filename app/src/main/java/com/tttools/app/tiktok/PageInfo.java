package com.tttools.app.tiktok;

/** TikTok's {@code page_info}. */
public record PageInfo(int page, int pageSize, long totalNumber, int totalPage) {

    public boolean isLast() {
        return page >= totalPage;
    }
}
