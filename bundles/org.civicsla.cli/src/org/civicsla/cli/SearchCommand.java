package org.civicsla.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.civicsla.core.model.WorkspaceData;
import org.civicsla.core.store.WorkspaceStore;
import org.civicsla.index.DocumentIndex;
import org.civicsla.index.SearchResult;

/** {@code civicsla index} brings the document index up to date; {@code civicsla search} searches it. */
final class SearchCommand implements Command {

    private final boolean search;

    private SearchCommand(boolean search) {
        this.search = search;
    }

    static SearchCommand index() {
        return new SearchCommand(false);
    }

    static SearchCommand search() {
        return new SearchCommand(true);
    }

    @Override
    public String name() {
        return search ? "search" : "index";
    }

    @Override
    public String summary() {
        return search ? "search the contract documents (phrases, wildcards, vendor:, contract:, clause:, status:)"
                : "index the workspace's contract documents (only new or changed ones are read)";
    }

    @Override
    public String help() {
        return search ? """
                Usage: civicsla search --workspace <folder> [--limit N] <query>

                Searches the passages of the contract documents. Query syntax: words, "exact phrases",
                wildcards (secur*), AND/OR/NOT in capitals (words side by side: all must match),
                and fields: vendor:V-005 (or its name), contract:C-012, clause:"Breach Notification", status:active
                (names and values in any case). Prints each passage with its vendor,
                contract, document and page, matched words marked with ‹ ›, then counts per vendor,
                clause type and contract status.
                """ : """
                Usage: civicsla index --workspace <folder>

                Reads the documents attached to the contracts into the workspace's Lucene index
                (<workspace>/index): documents whose content is unchanged are skipped, detached
                ones removed. A damaged index is rebuilt from the documents.
                """;
    }

    @Override
    public int run(List<String> args, PrintWriter out, PrintWriter err) throws UsageException, InputException {
        Arguments parsed = Arguments.parse(args, Set.of("workspace", "limit"), Set.of());
        if (!search) {
            parsed.withoutOperands();
        }
        if (search && parsed.operands().isEmpty()) {
            throw new UsageException("give a query, e.g. civicsla search --workspace W '\"security incident\" AND hours'");
        }
        int limit;
        try {
            limit = Integer.parseInt(parsed.option("limit").orElse("10"));
        } catch (NumberFormatException e) {
            limit = 0;
        }
        if (limit < 1) {
            throw new UsageException("--limit is the number of hits to show, 1 or more; not '" + parsed.option("limit").orElse("")
                    + "'");
        }
        WorkspaceData data;
        Path folder;
        try (WorkspaceStore store = WorkspaceAccess.open(parsed)) {
            data = store.snapshot();
            folder = store.folder();
        }
        var detector = WorkspaceAccess.detector(folder);
        try (DocumentIndex index = DocumentIndex.open(folder, detector)) {
            List<String> problems = new java.util.ArrayList<>();
            DocumentIndex.UpdateSummary update = index.update(folder, data, problems::add, () -> false);
            if (search && !problems.isEmpty()) {
                // Searching is not the place to list them again at every query: one line, and where to see them.
                err.printf("civicsla: %d %s could not be read; civicsla index --workspace '%s' says which and why%n",
                        problems.size(), problems.size() == 1 ? "document" : "documents", folder);
            } else {
                problems.forEach(m -> err.println("civicsla: " + m));
            }
            if (!search) {
                out.printf("%s indexed, %d unchanged, %d removed, %d could not be read%n", ClausesCommand.documents(update.indexed()),
                        update.unchanged(), update.removed(), update.failed());
                return ExitCode.OK;
            }
            SearchResult result = index.search(String.join(" ", parsed.operands()), limit, DocumentIndex.Facets.COUNT,
                    data.vendors());
            out.println(result.totalHits() == 0 ? "No passage matches."
                    : result.totalHits() == 1 ? "1 passage matches:"
                    : result.totalHits() + " passages match; the best " + result.hits().size() + ":");
            for (SearchResult.Hit hit : result.hits()) {
                out.printf("%n%s %s %s%s%s%s%n  %s%n", hit.vendorId(), hit.contractId(), hit.document(),
                        hit.page().isPresent() ? ", page " + hit.page().getAsInt() : "", hit.sectionNotShown().map(s -> ", " + s).orElse(""),
                        hit.clauses().isEmpty() ? "" : "  [" + String.join(", ", hit.clauses()) + "]", hit.snippet());
            }
            for (Map.Entry<String, Map<String, Integer>> facet : result.facets().entrySet()) {
                out.printf("%nby %s: %s%n", facet.getKey(), facet.getValue());
            }
            return ExitCode.OK;
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        } catch (IOException e) {
            throw new InputException(folder.resolve("index") + ": " + e.getMessage(), e);
        }
    }
}
