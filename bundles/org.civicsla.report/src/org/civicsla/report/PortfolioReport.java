package org.civicsla.report;

import java.awt.Color;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;

import org.civicsla.checks.Matrix;
import org.civicsla.core.check.Checklist;
import org.civicsla.core.check.Evidence;
import org.civicsla.core.check.Finding;
import org.civicsla.core.check.Requirement;
import org.civicsla.core.check.Status;
import org.civicsla.core.files.AtomicFiles;
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
import org.openpdf.text.Image;
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

/**
 * The PDF a procurement board reads: title page, table of contents, the vendor × step matrix, a chart
 * of devices reaching end of support per year, then for each failing vendor the missing clauses, the
 * clauses found with quoted evidence (document and page), devices nearing end of support and upcoming
 * notice deadlines. With a vendor id it is that vendor's evidence pack. Rendered twice: the first pass
 * learns on which page each section starts, so the table of contents can say.
 */
public final class PortfolioReport {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'");

    private final ReportInput input;
    private final Fonts fonts;
    private final Matrix matrix;
    private final BooleanSupplier cancelled;

    private PortfolioReport(ReportInput input, Fonts fonts, BooleanSupplier cancelled) {
        this.input = input;
        this.fonts = fonts;
        this.matrix = Matrix.of(input.data(), input.run());
        this.cancelled = cancelled;
    }

    /** Writes the report to {@code pdf}; a half-written report never replaces an earlier one. */
    public static void write(ReportInput input, Path pdf, BooleanSupplier cancelled) throws IOException {
        PortfolioReport report = new PortfolioReport(input, Fonts.load(), cancelled);
        Map<String, Integer> pages = report.render(OutputStream.nullOutputStream(), Map.of());
        AtomicFiles.write(pdf, out -> report.render(out, pages));
    }

    /** Renders the report; returns the first page of each section (the table of contents of the next pass). */
    private Map<String, Integer> render(OutputStream out, Map<String, Integer> toc) throws IOException {
        Document document = new Document(PageSize.A4, 50, 50, 60, 60);
        try {
            PdfWriter writer = PdfWriter.getInstance(document, out);
            Footer footer = new Footer();
            writer.setPageEvent(footer);
            String title = input.vendorId().isPresent()
                    ? "Evidence pack: " + vendorName(input.vendorId().get())
                    : "Portfolio report: vendor security and life cycle";
            document.addTitle(title);
            document.addAuthor("CivicSLA");
            document.addCreator("CivicSLA");
            document.addSubject("Smart-city security checklist steps " + matrix.steps() + " for " + input.workspaceName()
                    + " as of " + input.run().asOf());
            document.addKeywords("CivicSLA, SLA, security, life cycle, checklist, " + input.workspaceName());
            document.open();
            Map<String, Integer> starts = new LinkedHashMap<>();

            titlePage(document, title);
            document.newPage();
            tableOfContents(document, toc);

            section(document, writer, starts, "Summary: vendors and checklist steps");
            summary(document);

            section(document, writer, starts, "Devices reaching end of support per year");
            chart(document, writer);

            for (Vendor vendor : vendorsToDetail()) {
                if (cancelled.getAsBoolean()) {
                    throw new CancellationException("report cancelled");
                }
                section(document, writer, starts, vendor.id() + " " + vendor.name());
                vendorSection(document, vendor);
            }
            if (!input.run().failures().isEmpty()) {
                section(document, writer, starts, "Checks that could not run");
                for (var failure : input.run().failures()) {
                    document.add(new Paragraph("Step " + failure.step() + ", " + failure.checkId() + ": " + failure.message(),
                            fonts.text(10)));
                }
            }
            document.close();
            return starts;
        } catch (DocumentException e) {
            throw new IOException("cannot write the report: " + e.getMessage(), e);
        }
    }

    private List<Vendor> vendorsToDetail() {
        if (input.vendorId().isPresent()) {
            return input.data().vendors().stream().filter(v -> v.id().equals(input.vendorId().get())).toList();
        }
        return matrix.vendors().stream().filter(v -> matrix.worst(v.id()) == Status.FAIL).toList();
    }

    private void titlePage(Document document, String title) throws DocumentException {
        document.add(new Paragraph("CivicSLA", fonts.strong(12)));
        Paragraph heading = new Paragraph(title, fonts.strong(24));
        heading.setSpacingBefore(120);
        heading.setSpacingAfter(24);
        document.add(heading);
        PdfPTable facts = new PdfPTable(new float[] { 1.2f, 3f });
        facts.setWidthPercentage(100);
        fact(facts, "Workspace", input.workspaceName());
        fact(facts, "Checks as of", input.run().asOf().toString());
        fact(facts, "Checks run at", STAMP.format(input.run().ranAt().atZone(ZoneOffset.UTC)));
        fact(facts, "Requirement profile", input.run().profile().name());
        StringBuilder requirements = new StringBuilder();
        for (Requirement r : input.run().profile().requirements()) {
            requirements.append(requirements.isEmpty() ? "" : "\n").append(r.clauseType())
                    .append(r.maxValue().map(v -> " (" + r.valueKey().orElse("") + " at most " + number(v) + ")").orElse(""));
        }
        fact(facts, "Step 2 requires", requirements.toString());
        fact(facts, "Step 5 plans with", (input.run().profile().milestone() == Milestone.END_OF_SUPPORT ? "end of support"
                : "end of security updates") + ", horizon " + input.run().profile().planningHorizonMonths() + " months");
        long failing = matrix.vendors().stream().filter(v -> matrix.worst(v.id()) == Status.FAIL).count();
        fact(facts, "Result", failing + " of " + matrix.vendors().size() + " vendors fail at least one step");
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

    private void tableOfContents(Document document, Map<String, Integer> toc) throws DocumentException {
        document.add(new Paragraph("Contents", fonts.strong(16)));
        List<String> titles = new ArrayList<>();
        titles.add("Summary: vendors and checklist steps");
        titles.add("Devices reaching end of support per year");
        vendorsToDetail().forEach(v -> titles.add(v.id() + " " + v.name()));
        if (!input.run().failures().isEmpty()) {
            titles.add("Checks that could not run");
        }
        for (String title : titles) {
            Paragraph line = new Paragraph();
            line.setFont(fonts.text(10));
            line.add(new Chunk(title, fonts.text(10)));
            line.add(new Chunk(new org.openpdf.text.pdf.draw.DottedLineSeparator()));
            line.add(new Chunk(toc.containsKey(title) ? Integer.toString(toc.get(title)) : "…", fonts.text(10)));
            document.add(line);
        }
    }

    private void section(Document document, PdfWriter writer, Map<String, Integer> starts, String title)
            throws DocumentException {
        document.newPage();
        starts.put(title, writer.getPageNumber());
        // A bookmark per section: readers show the outline beside the pages.
        new PdfOutline(writer.getRootOutline(), new PdfDestination(PdfDestination.FITH, document.top()), title);
        Paragraph heading = new Paragraph(title, fonts.strong(16));
        heading.setSpacingAfter(10);
        document.add(heading);
    }

    private void summary(Document document) throws DocumentException {
        for (int step : matrix.steps()) {
            document.add(new Paragraph("Step " + step + ": " + Checklist.step(step).map(s -> s.title()).orElse(""),
                    fonts.text(9)));
        }
        float[] widths = new float[2 + matrix.steps().size()];
        widths[0] = 1.1f;
        widths[1] = 4f;
        for (int i = 2; i < widths.length; i++) {
            widths[i] = 1.4f;
        }
        PdfPTable table = new PdfPTable(widths);
        table.setWidthPercentage(100);
        table.setSpacingBefore(10);
        table.setHeaderRows(1);
        header(table, "Vendor");
        header(table, "Name");
        matrix.steps().forEach(s -> header(table, "Step " + s));
        for (Vendor vendor : matrix.vendors()) {
            table.addCell(cell(vendor.id(), null));
            table.addCell(cell(vendor.name(), null));
            for (int step : matrix.steps()) {
                Status status = matrix.cell(vendor.id(), step).orElseThrow().status();
                table.addCell(cell(status.name().toLowerCase(Locale.ROOT), StatusColors.of(status)));
            }
        }
        document.add(table);
    }

    private void header(PdfPTable table, String text) {
        PdfPCell cell = new PdfPCell(new Phrase(text, fonts.strong(9)));
        cell.setBackgroundColor(new Color(0xE8, 0xEC, 0xF2));
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

    /** Devices whose support (profile milestone) ends per year, as bars; past years fold into "ended". */
    private void chart(Document document, PdfWriter writer) throws DocumentException {
        Milestone milestone = input.run().profile().milestone();
        Map<String, DeviceModel> models = new HashMap<>();
        input.data().deviceModels().forEach(m -> models.put(m.id(), m));
        TreeMap<Integer, Integer> perYear = new TreeMap<>();
        int unknown = 0;
        int ended = 0;
        int thisYear = input.run().asOf().getYear();
        for (Device device : devicesInScope()) {
            DeviceModel model = models.get(device.modelId());
            Optional<LocalDate> end = model == null ? Optional.empty() : SupportStatus.supportEnd(model, milestone);
            if (end.isEmpty()) {
                unknown++;
            } else if (end.get().getYear() < thisYear) {
                ended++;
            } else {
                perYear.merge(end.get().getYear(), 1, Integer::sum);
            }
        }
        document.add(new Paragraph("Devices by the year their " + (milestone == Milestone.END_OF_SUPPORT ? "support"
                : "security updates") + " end. Already ended before " + thisYear + ": " + ended + " devices; date unknown: "
                + unknown + " devices.", fonts.text(10)));
        List<String> labels = new ArrayList<>();
        List<Integer> values = new ArrayList<>();
        labels.add("ended");
        values.add(ended);
        for (int year = thisYear; year <= Math.max(thisYear + 6, perYear.isEmpty() ? thisYear : perYear.lastKey()); year++) {
            labels.add(Integer.toString(year));
            values.add(perYear.getOrDefault(year, 0));
        }
        float width = 495;
        float height = 240;
        PdfTemplate template = writer.getDirectContent().createTemplate(width, height);
        int max = Math.max(1, values.stream().mapToInt(Integer::intValue).max().orElse(1));
        float left = 40;
        float bottom = 30;
        float plotHeight = height - bottom - 20;
        float slot = (width - left) / values.size();
        template.setColorStroke(Color.GRAY);
        template.moveTo(left, bottom);
        template.lineTo(width, bottom);
        template.moveTo(left, bottom);
        template.lineTo(left, height - 10);
        template.stroke();
        for (int i = 0; i < values.size(); i++) {
            float barHeight = plotHeight * values.get(i) / max;
            float x = left + i * slot + slot * 0.15f;
            template.setColorFill(i == 0 ? StatusColors.of(Status.FAIL).darker() : new Color(0x4A, 0x7B, 0xB7));
            template.rectangle(x, bottom, slot * 0.7f, barHeight);
            template.fill();
            text(template, labels.get(i), x + slot * 0.35f, bottom - 14, 8);
            text(template, Integer.toString(values.get(i)), x + slot * 0.35f, bottom + barHeight + 4, 8);
        }
        text(template, "devices", left - 20, height - 8, 7);
        Image image = Image.getInstance(template);
        image.setAlignment(Element.ALIGN_CENTER);
        image.setSpacingBefore(12);
        document.add(image);
    }

    private List<Device> devicesInScope() {
        if (input.vendorId().isEmpty()) {
            return input.data().devices();
        }
        Map<String, String> modelVendor = new HashMap<>();
        input.data().deviceModels().forEach(m -> modelVendor.put(m.id(), m.vendorId()));
        return input.data().devices().stream()
                .filter(d -> input.vendorId().get().equals(modelVendor.get(d.modelId()))).toList();
    }

    private void text(PdfContentByte canvas, String text, float x, float y, float size) {
        canvas.beginText();
        canvas.setColorFill(Color.DARK_GRAY);
        canvas.setFontAndSize(fonts.regular, size);
        canvas.showTextAligned(Element.ALIGN_CENTER, text, x, y, 0);
        canvas.endText();
    }

    private void vendorSection(Document document, Vendor vendor) throws DocumentException {
        StringBuilder line = new StringBuilder(vendor.category().isEmpty() ? "" : vendor.category() + ", ");
        line.append("criticality ").append(vendor.criticality().name().toLowerCase(Locale.ROOT)).append(". ");
        for (int step : matrix.steps()) {
            line.append("Step ").append(step).append(": ")
                    .append(matrix.cell(vendor.id(), step).orElseThrow().status().name().toLowerCase(Locale.ROOT)).append(". ");
        }
        document.add(new Paragraph(line.toString(), fonts.text(10)));
        for (int step : matrix.steps()) {
            Matrix.Cell cell = matrix.cell(vendor.id(), step).orElseThrow();
            String stepTitle = step == 2 ? "Security clauses (step 2)" : step == 5 ? "Life cycle (step 5)"
                    : "Step " + step + ": " + Checklist.step(step).map(s -> s.title()).orElse("");
            subheading(document, stepTitle + " — " + cell.status().name().toLowerCase(Locale.ROOT));
            for (Finding finding : cell.findings()) {
                for (String reason : finding.reasons()) {
                    document.add(bullet(reason));
                }
            }
            List<Evidence> passages = cell.findings().stream().flatMap(f -> f.evidence().stream())
                    .filter(e -> e.kind() == Evidence.Kind.CLAUSE_PASSAGE || e.kind() == Evidence.Kind.CLAUSE_RECORD).toList();
            if (!passages.isEmpty()) {
                document.add(new Paragraph(step == 2 ? "Clauses found, with evidence:" : "Evidence:", fonts.strong(10)));
                for (Evidence evidence : passages) {
                    String where = evidence.document().map(d -> d + evidence.page().stream()
                            .mapToObj(p -> ", page " + p).findFirst().orElse("")).orElse("entered by hand");
                    Paragraph p = new Paragraph(evidence.description() + " (" + where + ")", fonts.text(9));
                    p.setSpacingBefore(4);
                    document.add(p);
                    if (!evidence.snippet().isEmpty()) {
                        Paragraph quote = new Paragraph("“" + Text.clip(evidence.snippet(), 400) + "”", fonts.italic(9));
                        quote.setIndentationLeft(18);
                        document.add(quote);
                    }
                }
            }
            List<Evidence> dates = cell.findings().stream().flatMap(f -> f.evidence().stream())
                    .filter(e -> e.kind() == Evidence.Kind.DATE && !e.snippet().isEmpty()).toList();
            if (!dates.isEmpty()) {
                document.add(new Paragraph("Devices nearing or past end of support:", fonts.strong(10)));
                for (Evidence evidence : dates) {
                    document.add(bullet(evidence.description() + ". " + Text.clip(evidence.snippet(), 300)));
                }
            }
        }
        deadlines(document, vendor);
    }

    private void deadlines(Document document, Vendor vendor) throws DocumentException {
        LocalDate asOf = input.run().asOf();
        LocalDate until = asOf.plusMonths(input.run().profile().planningHorizonMonths());
        PdfPTable table = new PdfPTable(new float[] { 1.2f, 1.5f, 1.4f, 1.2f });
        table.setWidthPercentage(100);
        table.setSpacingBefore(6);
        header(table, "Contract");
        header(table, "Notice deadline");
        header(table, "Renewal");
        header(table, "Notice");
        int rows = 0;
        for (Contract contract : input.data().contracts()) {
            if (!contract.vendorId().equals(vendor.id()) || contract.status() != ContractStatus.ACTIVE) {
                continue;
            }
            Optional<LocalDate> deadline = ContractTerms.nextNoticeDeadline(contract, asOf);
            if (deadline.isPresent() && !deadline.get().isAfter(until)) {
                table.addCell(cell(contract.id() + (contract.number().isEmpty() ? "" : " (" + contract.number() + ")"), null));
                table.addCell(cell(deadline.get().toString(), deadline.get().isBefore(asOf.plusDays(91))
                        ? StatusColors.of(Status.WARNING) : null));
                table.addCell(cell(contract.renewal().name().toLowerCase(Locale.ROOT), null));
                table.addCell(cell(contract.noticeDays() + " days", null));
                rows++;
            }
        }
        subheading(document, "Upcoming notice deadlines (until " + until + ")");
        if (rows == 0) {
            document.add(new Paragraph("None.", fonts.text(9)));
        } else {
            document.add(table);
        }
    }

    private void subheading(Document document, String text) throws DocumentException {
        Paragraph p = new Paragraph(text, fonts.strong(12));
        p.setSpacingBefore(10);
        p.setSpacingAfter(4);
        document.add(p);
    }

    private Paragraph bullet(String text) {
        Paragraph p = new Paragraph("•  " + text, fonts.text(9));
        p.setIndentationLeft(10);
        return p;
    }

    private String vendorName(String vendorId) {
        return input.data().vendors().stream().filter(v -> v.id().equals(vendorId)).map(v -> v.id() + " " + v.name())
                .findFirst().orElse(vendorId);
    }

    private static String number(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
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
            String left = "CivicSLA · " + input.workspaceName() + " · as of " + input.run().asOf();
            ColumnText.showTextAligned(canvas, Element.ALIGN_LEFT, new Phrase(left, fonts.text(8)), document.left(), 30, 0);
            String page = "Page " + writer.getPageNumber() + " of ";
            float width = fonts.regular.getWidthPoint(page, 8);
            float x = document.right() - width - 18;
            ColumnText.showTextAligned(canvas, Element.ALIGN_LEFT, new Phrase(page, fonts.text(8)), x, 30, 0);
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
