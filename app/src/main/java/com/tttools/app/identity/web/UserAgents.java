package com.tttools.app.identity.web;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * A user-agent string in words for the sessions list and sign-in activity ({@code ${@userAgents.summary(ua)}}):
 * "Chrome 156 on Linux", "Safari 18 on iPhone", "curl 8". No parser library resolves in this build (ua-parser
 * and Yauaa are not available, and Yauaa's rule set is large for one table cell), so this recognises the common
 * browsers and systems by their well-known tokens, in the order that tells them apart (Edge and Opera also say
 * "Chrome", Chrome also says "Safari"); anything else reads "Unknown browser". The raw string stays in a tooltip.
 */
@Component("userAgents")
public class UserAgents {

    private record Rule(String name, Pattern pattern) {
    }

    private static final List<Rule> BROWSERS = List.of(
            rule("Edge", "Edg(?:e|A|iOS)?/(\\d+)"),
            rule("Opera", "(?:OPR|OPiOS)/(\\d+)"),
            rule("Samsung Internet", "SamsungBrowser/(\\d+)"),
            rule("Firefox", "(?:Firefox|FxiOS)/(\\d+)"),
            rule("Chrome", "(?:HeadlessChrome|Chrome|CriOS)/(\\d+)"),
            rule("Safari", "Version/(\\d+)[.\\d]* (?:Mobile/\\S+ )?Safari/"),
            rule("curl", "^curl/(\\d+)"),
            rule("Java", "^Java-http-client/(\\d+)"),
            rule("OkHttp", "^okhttp/(\\d+)"),
            rule("Python", "^python-(?:requests|urllib\\d?|httpx)/(\\d+)"));

    private static final List<Rule> SYSTEMS = List.of(
            rule("Windows", "Windows NT"),
            rule("iPhone", "iPhone"),
            rule("iPad", "iPad"),
            rule("Android", "Android"),
            rule("ChromeOS", "CrOS"),
            rule("macOS", "Mac OS X|Macintosh"),
            rule("Linux", "Linux|X11"));

    private static Rule rule(String name, String regex) {
        return new Rule(name, Pattern.compile(regex));
    }

    public String summary(String userAgent) {
        if (userAgent == null || userAgent.isBlank()) {
            return "Unknown device";
        }
        String browser = "Unknown browser";
        for (Rule rule : BROWSERS) {
            Matcher m = rule.pattern().matcher(userAgent);
            if (m.find()) {
                browser = rule.name() + " " + m.group(1);
                break;
            }
        }
        if (userAgent.contains("HeadlessChrome")) {
            browser = "Headless " + browser;
        }
        for (Rule rule : SYSTEMS) {
            if (rule.pattern().matcher(userAgent).find()) {
                return browser + " on " + rule.name();
            }
        }
        return browser;
    }
}
