package org.civicsla.report;

import java.awt.Color;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.System.Logger.Level;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.civicsla.core.check.CheckFailure;
import org.civicsla.core.check.Checklist;
import org.civicsla.core.check.Evidence;
import org.civicsla.core.check.Finding;
import org.civicsla.core.check.Requirement;
import org.civicsla.core.check.Status;
import org.civicsla.core.check.Step;
import org.civicsla.core.lifecycle.ContractTerms;
import org.civicsla.core.lifecycle.SupportStatus;
import org.civicsla.core.model.Contract;
import org.civicsla.core.model.ContractStatus;
import org.civicsla.core.model.Device;
import org.civicsla.core.model.DeviceModel;
import org.civicsla.core.model.Milestone;
import org.civicsla.core.model.Vendor;
import org.openpdf.text.Chunk;
import org.openpdf.text.Document;
import org.openpdf.text.DocumentException;
import org.openpdf.text.Element;
import org.openpdf.text.Font;
import org.openpdf.text.PageSize;
import org.openpdf.text.Paragraph;
import org.openpdf.text.Phrase;
import org.openpdf.text.Rectangle;
import org.openpdf.text.pdf.ColumnText;
import org.openpdf.text.pdf.PdfContentByte;
import org.openpdf.text.pdf.PdfDestination;
import org.openpdf.text.pdf.PdfOutline;
import org.openpdf.text.pdf.PdfPCell;
import org.openpdf.text.pdf.PdfPTable;
import org.openpdf.text.pdf.PdfPageEventHelper;
import org.openpdf.text.pdf.PdfTemplate;
import org.openpdf.text.pdf.PdfWriter;
import org.openpdf.text.pdf.draw.DottedLineSeparator;

/**
 * Renders the portfolio report and the vendor evidence pack (the same document narrowed to one
 * vendor). Rendered twice: the first pass learns on which page each section starts, the second
 * prints those pages in the table of contents. The contents list is a table whose page column has a
 * fixed width, so the numbers cannot change the layout between the passes.
 */
final class PdfReport {

    private static final System.Logger LOG = System.getLogger(PdfReport.class.getName());
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'");
    /** Quotes are cut here: a page of evidence should show the clause, not the whole contract. */
    private static final int QUOTE_CHARS = 400;
    /** Device ids listed per model before "and N more". */
    private static final int DEVICE_IDS = 8;
    private static final Color HEADER = new Color(0xE8, 0xEC, 0xF2);

    /** A section of the report: an entry of the contents, a bookmark and a link target. */
    private record Section(String anchor, String title) {
    }

    private final ReportInput input;
    private final Fonts fonts;
    private final StepMatrix matrix;
    private final ReportMonitor monitor;
    private final Optional<Vendor> packVendor;
    private final List<Vendor> detailed;
    private final Map<String, DeviceModel> models = new HashMap<>();
    private final Map<String, List<DeviceModel>> modelsByVendor = new HashMap<>();
    private final Map<String, List<Device>> devicesByModel = new HashMap<>();
    private final Map<String, List<Contract>> contractsByVendor = new HashMap<>();
    /** The writer of the pass being rendered: headings ask it how much of the page is left. */
    private PdfWriter writer;

    PdfReport(ReportInput input, ReportMonitor monitor) {
        this.input = input;
        this.monitor = monitor;
        this.fonts = Fonts.load();
        this.matrix = StepMatrix.of(input.data(), input.run());
        this.packVendor = input.vendorId().map(id -> input.data().vendors().stream().filter(v -> v.id().equals(id))
                .findFirst().orElseThrow(() -> new IllegalArgumentException(
                        "vendor " + id + ": no such vendor in workspace " + input.workspaceName())));
        this.detailed = packVendor.map(List::of).orElseGet(
                () -> matrix.vendors().stream().filter(v -> matrix.worst(v.id()) == Status.FAIL).toList());
        for (DeviceModel model : input.data().deviceModels()) {
            models.put(model.id(), model);
            modelsByVendor.computeIfAbsent(model.vendorId(), v -> new ArrayList<>()).add(model);
        }
        warnAboutMissingGlyphs();
        input.data().devices().forEach(d -> devicesByModel.computeIfAbsent(d.modelId(), m -> new ArrayList<>()).add(d));
        input.data().contracts().forEach(c -> contractsByVendor.computeIfAbsent(c.vendorId(), v -> new ArrayList<>()).add(c));
    }

    /**
     * Liberation Sans covers Latin, Greek and Cyrillic but not, say, Chinese: such characters would
     * print blank. Say so in the log rather than let a vendor's name silently disappear.
     */
    private void warnAboutMissingGlyphs() {
        for (Vendor vendor : input.data().vendors()) {
            int missing = vendor.name().codePoints().filter(c -> !Character.isWhitespace(c) && !fonts.regular.charExists(c))
                    .findFirst().orElse(-1);
            if (missing >= 0) {
                LOG.log(Level.WARNING, "vendor {0}: the report font has no glyph for U+{1} in \"{2}\"; it prints blank",
                        vendor.id(), String.format("%04X", missing), vendor.name());
            }
        }
    }

    /** Writes the whole report to {@code out}; throws {@link java.util.concurrent.CancellationException} if cancelled. */
    void write(OutputStream out) throws IOException {
        monitor.begin(title(), 2 * (detailed.size() + 2));
        Map<String, Integer> pages = render(OutputStream.nullOutputStream(), Map.of());
        Map<String, Integer> printed = render(out, pages);
        if (!printed.equals(pages)) {
            // Cannot happen while the contents' layout ignores the numbers; say so rather than print wrong pages.
            LOG.log(Level.WARNING, "report sections moved between passes: {0} then {1}", pages, printed);
        }
    }

    private String title() {
        return packVendor.map(v -> "Evidence pack: " + v.id() + " " + v.name())
                .orElse("Portfolio report: vendor security and life cycle");
    }

    private List<Section> sections() {
        List<Section> sections = new ArrayList<>();
        sections.add(new Section("summary", "Summary: vendors and checklist steps"));
        // Named by the milestone the profile plans with, as the chart counts it (and the workbench's chart says).
        sections.add(new Section("chart", "Devices reaching " + milestoneName() + " per year"));
        for (int i = 0; i < detailed.size(); i++) {
            Vendor vendor = detailed.get(i);
            sections.add(new Section("vendor-" + i, vendor.id() + " " + vendor.name()));
        }
        if (!input.run().failures().isEmpty()) {
            sections.add(new Section("failures", "Checks that could not run"));
        }
        return sections;
    }

    /** Renders the report; returns the first page of each section by anchor (the contents of the next pass). */
    private Map<String, Integer> render(OutputStream out, Map<String, Integer> contents) throws IOException {
        Document document = new Document(PageSize.A4, 50, 50, 60, 60);
        try {
            writer = PdfWriter.getInstance(document, out);
            writer.setPageEvent(new Footer());
            document.addTitle(title());
            document.addAuthor("CivicSLA");
            document.addCreator("CivicSLA");
            document.addSubject("Checklist steps " + matrix.steps() + " of workspace " + input.workspaceName() + " as of "
                    + input.run().asOf() + ", profile " + input.run().profile().name());
            document.addKeywords("CivicSLA, SLA, security clauses, life cycle, end of support, notice deadlines, "
                    + input.workspaceName());
            document.open();
            Map<String, Integer> starts = new HashMap<>();
            List<Section> sections = sections();

            titlePage(document);
            document.newPage();
            contents(document, sections, contents);

            int next = 0;
            start(document, starts, sections.get(next++));
            summary(document);
            monitor.worked(1);

            start(document, starts, sections.get(next++));
            chart(document);
            monitor.worked(1);

            for (Vendor vendor : detailed) {
                monitor.checkCancelled();
                start(document, starts, sections.get(next++));
                vendorSection(document, vendor);
                monitor.worked(1);
            }
            if (!input.run().failures().isEmpty()) {
                start(document, starts, sections.get(next));
                for (CheckFailure failure : input.run().failures()) {
                    document.add(bullet("Step " + failure.step() + ", check " + failure.checkId() + ": " + failure.message()));
                }
            }
            document.close();
            return starts;
        } catch (DocumentException e) {
            throw new IOException("cannot write the report: " + e.getMessage(), e);
        }
    }

    private void titlePage(Document document) throws DocumentException {
        document.add(new Paragraph("CivicSLA", fonts.strong(12)));
        // The kind of report, then what it is about: a long vendor name wraps on its own line.
        Paragraph heading = new Paragraph(packVendor.isPresent() ? "Evidence pack" : "Portfolio report", fonts.strong(26));
        heading.setSpacingBefore(120);
        document.add(heading);
        Paragraph about = new Paragraph(packVendor.map(v -> v.id() + " " + v.name())
                .orElse("Vendor security and life cycle"), fonts.strong(18));
        about.setSpacingBefore(6);
        about.setSpacingAfter(24);
        document.add(about);
        PdfPTable facts = new PdfPTable(new float[] { 1.2f, 3f });
        facts.setWidthPercentage(100);
        fact(facts, "Workspace", input.workspaceName());
        packVendor.ifPresent(v -> fact(facts, "Vendor", v.id() + " " + v.name()
                + (v.category().isEmpty() ? "" : " (" + v.category() + ")")));
        fact(facts, "Checks as of", input.run().asOf().toString());
        fact(facts, "Checks run at", STAMP.format(input.run().ranAt().atZone(ZoneOffset.UTC)));
        fact(facts, "Requirement profile", input.run().profile().name());
        StringBuilder requirements = new StringBuilder();
        for (Requirement r : input.run().profile().requirements()) {
            requirements.append(requirements.isEmpty() ? "" : "\n").append(r.clauseType())
                    .append(r.limit().map(limit -> " (" + limit + ")").orElse(""));
        }
        fact(facts, "Step 2 requires", requirements.isEmpty() ? "no clauses" : requirements.toString());
        fact(facts, "Step 5 plans with", milestoneName() + ", horizon " + input.run().profile().planningHorizonMonths()
                + " months");
        if (packVendor.isPresent()) {
            Vendor v = packVendor.get();
            StringBuilder result = new StringBuilder();
            for (int step : matrix.steps()) {
                result.append(result.isEmpty() ? "" : ", ").append("step ").append(step).append(' ')
                        .append(StatusColors.word(matrix.cell(v.id(), step).status()));
            }
            fact(facts, "Result", result.toString());
        } else {
            fact(facts, "Portfolio", matrix.vendors().size() + " vendors, " + input.data().contracts().size()
                    + " contracts, " + input.data().devices().size() + " devices");
            fact(facts, "Result", detailed.size() + " of " + matrix.vendors().size() + " vendors fail at least one step");
        }
        document.add(facts);
    }

    private void fact(PdfPTable table, String label, String value) {
        PdfPCell left = new PdfPCell(new Phrase(label, fonts.strong(10)));
        PdfPCell right = new PdfPCell(new Phrase(value, fonts.text(10)));
        for (PdfPCell cell : List.of(left, right)) {
            cell.setBorder(Rectangle.BOTTOM);
            cell.setBorderColor(Color.LIGHT_GRAY);
            cell.setPadding(5);
            table.addCell(cell);
        }
    }

    private void contents(Document document, List<Section> sections, Map<String, Integer> pages)
            throws DocumentException {
        document.add(new Paragraph("Contents", fonts.strong(16)));
        PdfPTable table = new PdfPTable(new float[] { 10f, 1f });
        table.setWidthPercentage(100);
        table.setSpacingBefore(10);
        for (Section section : sections) {
            Phrase title = new Phrase("", fonts.text(10));
            title.add(new Chunk(section.title(), fonts.text(10)).setLocalGoto(section.anchor()));
            title.add(new Chunk(new DottedLineSeparator()));
            PdfPCell left = new PdfPCell(title);
            // The first pass does not know the pages yet; the column keeps its width either way.
            Integer page = pages.get(section.anchor());
            PdfPCell right = new PdfPCell(new Phrase(new Chunk(page == null ? "" : page.toString(), fonts.text(10))
                    .setLocalGoto(section.anchor())));
            right.setHorizontalAlignment(Element.ALIGN_RIGHT);
            for (PdfPCell cell : List.of(left, right)) {
                cell.setBorder(Rectangle.NO_BORDER);
                cell.setPaddingTop(2);
                cell.setPaddingBottom(3);
                table.addCell(cell);
            }
        }
        document.add(table);
    }

    private void start(Document document, Map<String, Integer> starts, Section section)
            throws DocumentException {
        document.newPage();
        starts.put(section.anchor(), writer.getPageNumber());
        // A bookmark per section: readers show the outline beside the pages.
        new PdfOutline(writer.getRootOutline(), new PdfDestination(PdfDestination.FITH, document.top()),
                section.title());
        Paragraph heading = new Paragraph(new Chunk(section.title(), fonts.strong(16)).setLocalDestination(section.anchor()));
        heading.setSpacingAfter(8);
        document.add(heading);
    }

    private void summary(Document document) throws DocumentException {
        for (int step : matrix.steps()) {
            document.add(new Paragraph("Step " + step + ": " + stepTitle(step), fonts.text(9)));
        }
        document.add(new Paragraph("Each cell is the worst status of the step's findings for the vendor: fail, warning, "
                + "unknown (not enough data) or pass.", fonts.text(9)));
        float[] widths = new float[2 + matrix.steps().size()];
        widths[0] = 1.2f;
        widths[1] = 4f;
        for (int i = 2; i < widths.length; i++) {
            widths[i] = 1.3f;
        }
        PdfPTable table = new PdfPTable(widths);
        table.setWidthPercentage(100);
        table.setSpacingBefore(10);
        table.setHeaderRows(1);
        header(table, "Vendor");
        header(table, "Name");
        matrix.steps().forEach(s -> header(table, "Step " + s));
        List<Vendor> rows = packVendor.map(List::of).orElse(matrix.vendors());
        for (Vendor vendor : rows) {
            table.addCell(cell(vendor.id(), null));
            table.addCell(cell(vendor.name(), null));
            for (int step : matrix.steps()) {
                Status status = matrix.cell(vendor.id(), step).status();
                table.addCell(cell(StatusColors.word(status), StatusColors.of(status)));
            }
        }
        document.add(table);
    }

    private void header(PdfPTable table, String text) {
        PdfPCell cell = new PdfPCell(new Phrase(text, fonts.strong(9)));
        cell.setBackgroundColor(HEADER);
        cell.setPadding(4);
        table.addCell(cell);
    }

    private PdfPCell cell(String text, Color background) {
        PdfPCell cell = new PdfPCell(new Phrase(text, fonts.text(9)));
        cell.setPadding(4);
        if (background != null) {
            cell.setBackgroundColor(background);
        }
        return cell;
    }

    private void chart(Document document) throws DocumentException {
        List<Device> devices = new ArrayList<>();
        if (packVendor.isPresent()) {
            modelsByVendor.getOrDefault(packVendor.get().id(), List.of())
                    .forEach(m -> devices.addAll(devicesByModel.getOrDefault(m.id(), List.of())));
        } else {
            devices.addAll(input.data().devices());
        }
        SupportEndChart.Counts counts = SupportEndChart.count(devices, models, input.run().profile().milestone(),
                input.run().asOf());
        document.add(new Paragraph(String.format(Locale.ROOT, "%,d", devices.size()) + " devices by the year their " + milestoneName() + " falls in. "
                + "\"ended\": on or before " + input.run().asOf() + " (" + counts.ended() + " devices). Date unknown: "
                + counts.unknown() + " devices.", fonts.text(10)));
        float width = document.right() - document.left();
        document.add(SupportEndChart.draw(writer, fonts, counts, width));
        // The same figures as a table, for readers who cannot see the chart and for copying.
        PdfPTable table = new PdfPTable(counts.bars().size());
        table.setWidthPercentage(100);
        counts.bars().forEach(b -> header(table, b.label()));
        counts.bars().forEach(b -> table.addCell(cell(Integer.toString(b.devices()), null)));
        document.add(table);
    }

    private void vendorSection(Document document, Vendor vendor) throws DocumentException {
        StringBuilder line = new StringBuilder(vendor.category().isEmpty() ? "" : vendor.category() + ", ");
        line.append("criticality ").append(vendor.criticality().name().toLowerCase(Locale.ROOT)).append(", ")
                .append(contractsByVendor.getOrDefault(vendor.id(), List.of()).size()).append(" contracts.");
        document.add(new Paragraph(line.toString(), fonts.text(10)));
        PdfPTable statuses = new PdfPTable(matrix.steps().size());
        statuses.setWidthPercentage(100);
        statuses.setSpacingBefore(6);
        for (int step : matrix.steps()) {
            Status status = matrix.cell(vendor.id(), step).status();
            statuses.addCell(cell("Step " + step + ": " + StatusColors.word(status), StatusColors.of(status)));
        }
        document.add(statuses);
        for (int step : matrix.steps()) {
            StepMatrix.Cell cell = matrix.cell(vendor.id(), step);
            subheading(document, "Step " + step + ", " + stepTitle(step) + ": " + StatusColors.word(cell.status()));
            List<String> reasons = cell.findings().stream().flatMap(f -> f.reasons().stream()).toList();
            if (!reasons.isEmpty()) {
                boolean clean = cell.findings().stream().allMatch(f -> f.status() == Status.PASS);
                label(document, step == 2 && !clean ? "Missing or insufficient clauses:" : "Findings:");
                for (String reason : reasons) {
                    document.add(bullet(reason));
                }
            } else if (cell.findings().isEmpty()) {
                document.add(new Paragraph("No findings: this step was not checked for the vendor.", fonts.text(9)));
            }
            quotes(document, step, cell.findings());
            if (step == 5) {
                devicesNearingEnd(document, vendor);
                deadlines(document, vendor);
            }
        }
    }

    /** The clauses found, each with where it was found and the passage quoted. */
    private void quotes(Document document, int step, List<Finding> findings) throws DocumentException {
        List<Evidence> passages = findings.stream().flatMap(f -> f.evidence().stream())
                .filter(e -> e.kind() == Evidence.Kind.CLAUSE_PASSAGE || e.kind() == Evidence.Kind.CLAUSE_RECORD)
                .toList();
        if (passages.isEmpty()) {
            return;
        }
        label(document, step == 2 ? "Clauses found, with evidence:" : "Evidence:");
        for (Evidence evidence : passages) {
            // Where it was found and the quote, kept on one page: a quote is read with its source.
            PdfPTable block = new PdfPTable(1);
            block.setWidthPercentage(100);
            block.setKeepTogether(true);
            block.setSpacingBefore(3);
            // Give containers our font too: OpenPDF falls back to (unembedded) Helvetica otherwise.
            Phrase where = new Phrase("", fonts.text(9));
            where.add(new Chunk(evidence.description(), fonts.strong(9)));
            where.add(new Chunk(" (" + source(evidence) + ")", fonts.text(9)));
            block.addCell(plain(where, 0));
            if (!evidence.snippet().isBlank()) {
                block.addCell(plain(new Phrase("“" + Text.clip(evidence.snippet(), QUOTE_CHARS) + "”", fonts.quote(9)), 18));
            }
            document.add(block);
        }
    }

    private static String source(Evidence evidence) {
        if (evidence.document().isEmpty()) {
            return evidence.kind() == Evidence.Kind.CLAUSE_RECORD ? "clause record entered by hand" : "no document";
        }
        String page = evidence.page().isPresent() ? ", page " + evidence.page().getAsInt() : "";
        return evidence.document().get() + page;
    }

    /**
     * The vendor's devices whose support (the profile's milestone) has ended or ends within the
     * planning horizon, one row per device model, soonest first; computed from the workspace, so the
     * table is complete whatever the findings chose to mention.
     */
    private void devicesNearingEnd(Document document, Vendor vendor) throws DocumentException {
        LocalDate asOf = input.run().asOf();
        int horizon = input.run().profile().planningHorizonMonths();
        LocalDate until = asOf.plusMonths(horizon);
        Milestone milestone = input.run().profile().milestone();
        List<DeviceModel> nearing = new ArrayList<>();
        for (DeviceModel model : modelsByVendor.getOrDefault(vendor.id(), List.of())) {
            Optional<LocalDate> end = SupportStatus.supportEnd(model, milestone);
            if (end.isPresent() && !end.get().isAfter(until) && devicesByModel.containsKey(model.id())) {
                nearing.add(model);
            }
        }
        nearing.sort((a, b) -> SupportStatus.supportEnd(a, milestone).orElseThrow()
                .compareTo(SupportStatus.supportEnd(b, milestone).orElseThrow()));
        String title = "Devices nearing end of support (" + milestoneName() + " by " + until + "):";
        if (nearing.isEmpty()) {
            none(document, title);
            return;
        }
        PdfPTable table = titledTable(title, new float[] { 1.6f, 1.3f, 1.5f, 3.6f, 1.2f }, "Model",
                capitalised(milestoneName()), "State", "Devices", "Replacement planned");
        for (DeviceModel model : nearing) {
            LocalDate end = SupportStatus.supportEnd(model, milestone).orElseThrow();
            List<Device> devices = devicesByModel.get(model.id());
            boolean ended = !end.isAfter(asOf);
            long months = ChronoUnit.MONTHS.between(asOf, end);
            String state = ended ? "ended" : months == 0 ? "ends within a month" : "ends in " + months + " months";
            table.addCell(cell(model.model().isEmpty() ? model.id() : model.model(), null));
            table.addCell(cell(end.toString(), null));
            table.addCell(cell(state, StatusColors.of(ended ? Status.FAIL : Status.WARNING)));
            StringBuilder ids = new StringBuilder(devices.size() + ": ");
            for (int i = 0; i < Math.min(DEVICE_IDS, devices.size()); i++) {
                ids.append(i == 0 ? "" : ", ").append(devices.get(i).id());
            }
            if (devices.size() > DEVICE_IDS) {
                ids.append(" and ").append(devices.size() - DEVICE_IDS).append(" more");
            }
            table.addCell(cell(ids.toString(), null));
            // In time: by the date. One planned later leaves its device unsupported until then, which step 5 says too.
            long planned = devices.stream().filter(d -> d.plannedReplacement().filter(r -> !r.isAfter(end)).isPresent()).count();
            long late = devices.stream().filter(d -> d.plannedReplacement().filter(r -> r.isAfter(end)).isPresent()).count();
            table.addCell(cell(planned + " of " + devices.size() + (late > 0 ? "; " + late + " planned only after it" : ""), null));
        }
        document.add(table);
    }

    /** Notice deadlines of the vendor's active contracts that fall within the planning horizon. */
    private void deadlines(Document document, Vendor vendor) throws DocumentException {
        LocalDate asOf = input.run().asOf();
        LocalDate until = asOf.plusMonths(input.run().profile().planningHorizonMonths());
        String title = "Upcoming notice deadlines (until " + until + "):";
        record Deadline(Contract contract, LocalDate date) {
        }
        List<Deadline> deadlines = new ArrayList<>();
        for (Contract contract : contractsByVendor.getOrDefault(vendor.id(), List.of())) {
            if (contract.status() == ContractStatus.ACTIVE) {
                ContractTerms.nextNoticeDeadline(contract, asOf).filter(d -> !d.isAfter(until))
                        .ifPresent(d -> deadlines.add(new Deadline(contract, d)));
            }
        }
        if (deadlines.isEmpty()) {
            none(document, title);
            return;
        }
        deadlines.sort((a, b) -> a.date().compareTo(b.date()));
        PdfPTable table = titledTable(title, new float[] { 2f, 1.4f, 1.6f, 1.4f, 1.2f }, "Contract", "Notice deadline",
                "Time left", "Renewal", "Notice");
        for (Deadline deadline : deadlines) {
            Contract contract = deadline.contract();
            long days = ChronoUnit.DAYS.between(asOf, deadline.date());
            table.addCell(cell(contract.id() + (contract.number().isEmpty() ? "" : " (" + contract.number() + ")"), null));
            table.addCell(cell(deadline.date().toString(), null));
            // Within three months a procurement officer has to act now: amber, and spelled out.
            table.addCell(cell(days + " days", days <= 90 ? StatusColors.of(Status.WARNING) : null));
            table.addCell(cell(contract.renewal().name().toLowerCase(Locale.ROOT) + " renewal", null));
            table.addCell(cell(contract.noticeDays() + " days", null));
        }
        document.add(table);
    }

    /**
     * A table whose title is its first header row: the title never ends a page without its table,
     * and it repeats, with the column headers, on every page the table continues on.
     */
    private PdfPTable titledTable(String title, float[] widths, String... headers) {
        PdfPTable table = new PdfPTable(widths);
        table.setWidthPercentage(100);
        table.setSpacingBefore(6);
        table.setHeaderRows(2);
        PdfPCell caption = new PdfPCell(new Phrase(title, fonts.strong(10)));
        caption.setColspan(widths.length);
        caption.setBorder(Rectangle.NO_BORDER);
        caption.setPaddingLeft(0);
        caption.setPaddingBottom(5);
        table.addCell(caption);
        for (String header : headers) {
            header(table, header);
        }
        return table;
    }

    /** A borderless cell, indented from the left by {@code indent} points. */
    private static PdfPCell plain(Phrase phrase, float indent) {
        PdfPCell cell = new PdfPCell(phrase);
        cell.setBorder(Rectangle.NO_BORDER);
        cell.setPaddingLeft(indent);
        cell.setPaddingRight(indent);
        cell.setPaddingTop(1);
        cell.setPaddingBottom(2);
        return cell;
    }

    /** Starts a new page unless {@code points} of it are left: a heading never ends a page. */
    private void keepSpace(Document document, float points) {
        if (writer.getVerticalPosition(false) - document.bottom() < points) {
            document.newPage();
        }
    }

    /** A label with "None." after it, on one line. */
    private void none(Document document, String label) throws DocumentException {
        Paragraph p = new Paragraph(label, fonts.strong(10));
        p.add(new Chunk(" None.", fonts.text(9)));
        p.setSpacingBefore(6);
        document.add(p);
    }

    private void subheading(Document document, String text) throws DocumentException {
        keepSpace(document, 110);
        Paragraph p = new Paragraph(text, fonts.strong(12));
        p.setSpacingBefore(12);
        p.setSpacingAfter(2);
        document.add(p);
    }

    private void label(Document document, String text) throws DocumentException {
        keepSpace(document, 70);
        Paragraph p = new Paragraph(text, fonts.strong(10));
        p.setSpacingBefore(6);
        p.setSpacingAfter(2);
        document.add(p);
    }

    private Paragraph bullet(String text) {
        Paragraph p = new Paragraph("•  " + text, fonts.text(9));
        p.setIndentationLeft(20);
        p.setFirstLineIndent(-10);
        return p;
    }

    private String stepTitle(int step) {
        return Checklist.step(step).map(Step::title).orElse("");
    }

    private String milestoneName() {
        return input.run().profile().milestone() == Milestone.END_OF_SUPPORT ? "end of support"
                : "end of security updates";
    }

    private static String capitalised(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    /** "Page N of M" on every page: M is written into a template once the document is closed. */
    private final class Footer extends PdfPageEventHelper {
        private PdfTemplate total;

        @Override
        public void onOpenDocument(PdfWriter writer, Document document) {
            total = writer.getDirectContent().createTemplate(40, 12);
        }

        @Override
        public void onEndPage(PdfWriter writer, Document document) {
            PdfContentByte canvas = writer.getDirectContent();
            Font font = fonts.text(8);
            String left = "CivicSLA · " + input.workspaceName() + " · as of " + input.run().asOf();
            ColumnText.showTextAligned(canvas, Element.ALIGN_LEFT, new Phrase(left, font), document.left(), 30, 0);
            String page = "Page " + writer.getPageNumber() + " of ";
            float width = fonts.regular.getWidthPoint(page, 8);
            float x = document.right() - width - 16;
            ColumnText.showTextAligned(canvas, Element.ALIGN_LEFT, new Phrase(page, font), x, 30, 0);
            canvas.addTemplate(total, x + width, 30);
        }

        @Override
        public void onCloseDocument(PdfWriter writer, Document document) {
            // Closing has already opened the next (empty, never written) page: the last page is one before.
            ColumnText.showTextAligned(total, Element.ALIGN_LEFT,
                    new Phrase(Integer.toString(writer.getPageNumber() - 1), fonts.text(8)), 0, 0, 0);
        }
    }
}
