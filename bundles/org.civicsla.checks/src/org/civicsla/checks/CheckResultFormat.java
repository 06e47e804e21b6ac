package org.civicsla.checks;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Locale;

import org.civicsla.core.check.CheckRun;
import org.civicsla.core.check.Evidence;
import org.civicsla.core.check.Finding;
import org.civicsla.core.files.FormulaSafety;
import org.civicsla.core.model.Vendor;
import org.civicsla.core.model.WorkspaceData;

/** The vendor × step results as CSV (one row per vendor and step) or JSON, for scripts and auditors. */
public final class CheckResultFormat {

    private CheckResultFormat() {
    }

    public static void csv(Matrix matrix, Writer out) throws IOException {
        out.write("vendor_id,vendor,step,status,reasons\n");
        for (Vendor vendor : matrix.vendors()) {
            for (int step : matrix.steps()) {
                Matrix.Cell cell = matrix.cell(vendor.id(), step).orElseThrow();
                String reasons = String.join("; ", cell.reasons());
                // People open this CSV in a spreadsheet: a vendor's name starting with = stays text (FormulaSafety).
                out.write(String.join(",", FormulaSafety.csvCell(vendor.id()), FormulaSafety.csvCell(vendor.name()),
                        Integer.toString(step), cell.status().name().toLowerCase(Locale.ROOT), FormulaSafety.csvCell(reasons))
                        + "\n");
            }
        }
    }

    public static void json(Matrix matrix, CheckRun run, WorkspaceData data, Writer out) throws IOException {
        StringBuilder json = new StringBuilder();
        json.append("{\n  \"asOf\": ").append(string(run.asOf().toString()))
                .append(",\n  \"ranAt\": ").append(string(run.ranAt().toString()))
                .append(",\n  \"profile\": ").append(string(run.profile().name()))
                .append(",\n  \"results\": [");
        boolean first = true;
        for (Vendor vendor : matrix.vendors()) {
            for (int step : matrix.steps()) {
                Matrix.Cell cell = matrix.cell(vendor.id(), step).orElseThrow();
                json.append(first ? "\n" : ",\n").append("    {\"vendorId\": ").append(string(vendor.id()))
                        .append(", \"vendor\": ").append(string(vendor.name())).append(", \"step\": ").append(step)
                        .append(", \"status\": ").append(string(cell.status().name().toLowerCase(Locale.ROOT)))
                        .append(", \"reasons\": ").append(strings(cell.reasons()))
                        .append(", \"evidence\": [");
                boolean firstEvidence = true;
                for (Finding finding : cell.findings()) {
                    for (Evidence evidence : finding.evidence()) {
                        // With the check it came from, as the findings below: two checks may quote for one step.
                        json.append(firstEvidence ? "" : ", ").append("{\"check\": ").append(string(finding.checkId()))
                                .append(", \"kind\": ")
                                .append(string(evidence.kind().name().toLowerCase(Locale.ROOT)))
                                .append(", \"description\": ").append(string(evidence.description()));
                        evidence.document().ifPresent(d -> json.append(", \"document\": ").append(string(d)));
                        evidence.page().ifPresent(p -> json.append(", \"page\": ").append(p));
                        if (!evidence.snippet().isEmpty()) {
                            json.append(", \"snippet\": ").append(string(evidence.snippet()));
                        }
                        json.append('}');
                        firstEvidence = false;
                    }
                }
                // Which check said what: two checks (a plugin's beside a built-in one) may answer the same step.
                json.append("], \"findings\": [");
                for (int f = 0; f < cell.findings().size(); f++) {
                    Finding finding = cell.findings().get(f);
                    json.append(f == 0 ? "" : ", ").append("{\"check\": ").append(string(finding.checkId()))
                            .append(", \"status\": ").append(string(finding.status().name().toLowerCase(Locale.ROOT)))
                            .append(", \"reasons\": ").append(strings(finding.reasons())).append('}');
                }
                json.append("]}");
                first = false;
            }
        }
        json.append("\n  ],\n  \"failures\": [");
        for (int i = 0; i < run.failures().size(); i++) {
            var failure = run.failures().get(i);
            json.append(i == 0 ? "\n" : ",\n").append("    {\"check\": ").append(string(failure.checkId()))
                    .append(", \"step\": ").append(failure.step()).append(", \"message\": ").append(string(failure.message()))
                    .append('}');
        }
        json.append(run.failures().isEmpty() ? "]\n}\n" : "\n  ]\n}\n");
        out.write(json.toString());
    }

    private static String strings(List<String> values) {
        StringBuilder out = new StringBuilder("[");
        for (int i = 0; i < values.size(); i++) {
            out.append(i == 0 ? "" : ", ").append(string(values.get(i)));
        }
        return out.append(']').toString();
    }

    static String string(String value) {
        StringBuilder out = new StringBuilder("\"");
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

}
