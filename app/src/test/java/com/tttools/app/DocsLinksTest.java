package com.tttools.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The documentation is self-contained: no page under {@code docs/} and no README links or names a file outside the
 * repository (such as a sibling {@code ../shared} folder or an absolute path), and every repository file it links
 * or names as {@code something.md} exists.
 */
class DocsLinksTest {

    /** Markdown links: [text](target "title"). */
    private static final Pattern LINK = Pattern.compile("\\[[^\\]]*\\]\\(\\s*<?([^)\\s>]+)>?(?:\\s+\"[^\"]*\")?\\s*\\)");
    /** A file name ending in .md anywhere in the text, with the path written before it. */
    private static final Pattern MD_NAME = Pattern.compile("(?<![\\w./-])((?:~|/)?(?:[\\w.-]+/)*[\\w.-]+\\.md)(?![\\w/])");
    /** Places outside any checkout that have no business in our documentation. */
    private static final Pattern OUTSIDE = Pattern.compile("\\.\\./shared\\b|(?<![\\w.])/work/|(?<![\\w.])/home/|(?<![\\w.])/tmp/");

    @Test
    void docsAndReadmesLinkOnlyFilesOfTheRepository() {
        Path root = repositoryRoot();
        List<Path> pages = pages(root);
        assertThat(pages).as("docs and READMEs found").anySatisfy(p -> assertThat(p.getFileName().toString()).isEqualTo("architecture.md"));
        List<String> problems = new ArrayList<>();
        for (Path page : pages) {
            problems.addAll(problems(root, page));
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void theCheckFindsOutsideLinksAbsolutePathsAndMissingFiles(@TempDir Path root) throws IOException {
        Files.createDirectories(root.resolve("docs"));
        Files.writeString(root.resolve("docs/real.md"), "exists");
        Path page = Files.writeString(root.resolve("docs/page.md"), String.join("\n",
                "Fine: [real](real.md), [section](real.md#part), [web](https://example.com/x.md), `real.md`, [top](#top).",
                "Outside: [contract](../../shared/api.md) and `../shared/tiktok-api.md`.",
                "Absolute: [abs](/etc/passwd), see /work/main/notes.md.",
                "Missing: [gone](gone.md), `docs/absent.md`."));

        List<String> problems = problems(root, page);

        assertThat(problems).hasSize(7);
        assertThat(String.join("\n", problems))
                .contains("../../shared/api.md").contains("../shared/tiktok-api.md").contains("/etc/passwd")
                .contains("/work/").contains("gone.md").contains("docs/absent.md")
                .doesNotContain("example.com").doesNotContain("real.md");
    }

    /** Everything wrong with one page, as "page: what". */
    static List<String> problems(Path root, Path page) {
        String text = read(page);
        String name = root.relativize(page).toString();
        List<String> problems = new ArrayList<>();
        Matcher outside = OUTSIDE.matcher(text);
        while (outside.find()) {
            problems.add(name + ": names a place outside the repository: " + lineAround(text, outside.start()));
        }
        Matcher link = LINK.matcher(text);
        while (link.find()) {
            String target = link.group(1);
            if (target.startsWith("#") || target.matches("(?i)[a-z][a-z0-9+.-]*:.*")) {
                continue; // an anchor on the page, or a URL (https:, mailto:)
            }
            String path = target.replaceFirst("#.*$", "");
            if (path.startsWith("/") || path.startsWith("~")) {
                problems.add(name + ": links an absolute path: " + target);
            } else if (!insideAndExists(root, page.getParent().resolve(path))) {
                problems.add(name + ": links " + target + ", which is not a file of the repository");
            }
        }
        Matcher md = MD_NAME.matcher(text);
        while (md.find()) {
            String path = md.group(1);
            if (isInsideLinkTarget(text, md.start()) || path.contains("../shared")) {
                continue; // links are checked above; ../shared is reported once, as outside
            }
            if (path.startsWith("/") || path.startsWith("~")) {
                if (!OUTSIDE.matcher(path).find()) {
                    problems.add(name + ": names an absolute path: " + path);
                }
                continue;
            }
            boolean found = insideAndExists(root, page.getParent().resolve(path)) || insideAndExists(root, root.resolve(path))
                    || insideAndExists(root, root.resolve("docs").resolve(path));
            if (!found) {
                problems.add(name + ": names " + path + ", which is not a file of the repository");
            }
        }
        return problems;
    }

    private static boolean isInsideLinkTarget(String text, int at) {
        int open = text.lastIndexOf("](", at);
        return open >= 0 && text.indexOf(')', open) >= at && text.lastIndexOf('\n', at) < open;
    }

    private static boolean insideAndExists(Path root, Path file) {
        Path normal = file.toAbsolutePath().normalize();
        return normal.startsWith(root.toAbsolutePath().normalize()) && Files.exists(normal);
    }

    private static String lineAround(String text, int at) {
        int start = text.lastIndexOf('\n', at) + 1;
        int end = text.indexOf('\n', at);
        return text.substring(start, end < 0 ? text.length() : end).trim();
    }

    /** Every Markdown file under docs/, the root README and the READMEs of the modules. */
    private static List<Path> pages(Path root) {
        List<Path> pages = new ArrayList<>();
        try (Stream<Path> docs = Files.walk(root.resolve("docs"));
             Stream<Path> top = Files.list(root)) {
            docs.filter(p -> p.toString().endsWith(".md")).forEach(pages::add);
            top.forEach(p -> {
                if (p.getFileName().toString().equals("README.md")) {
                    pages.add(p);
                } else if (Files.isRegularFile(p.resolve("README.md")) && Files.isRegularFile(p.resolve("pom.xml"))) {
                    pages.add(p.resolve("README.md"));
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return pages;
    }

    /** Tests run in app/ under Maven and in the root from some IDEs. */
    private static Path repositoryRoot() {
        Path fromModule = Path.of("..").toAbsolutePath().normalize();
        return Files.isDirectory(fromModule.resolve("docs")) && Files.isRegularFile(fromModule.resolve("pom.xml"))
                ? fromModule : Path.of("").toAbsolutePath();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
