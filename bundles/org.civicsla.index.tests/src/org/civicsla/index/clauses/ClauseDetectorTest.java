package org.civicsla.index.clauses;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

class ClauseDetectorTest {

    private static final ClauseDetector DETECTOR = ClauseDetector.standard();

    private static Map<String, ClauseDetection> detect(String text) {
        return DETECTOR.detect(text).stream().collect(Collectors.toMap(ClauseDetection::category, d -> d));
    }

    private static final String SECURE_SLA = """
            7. SECURITY INCIDENTS. The Supplier shall notify the City of any Security Incident or personal data
            breach without undue delay and in any event within seventy-two (72) hours of becoming aware of it.
            8. SUPPORT. The Supplier shall operate a security service desk available 24x7, and shall respond to
            critical security incidents within four (4) hours.
            9. PATCHES. The Supplier shall provide security patches for critical vulnerabilities within fourteen
            (14) days of their public disclosure, and shall provide firmware updates throughout the support period.
            10. TESTING. The City may conduct penetration tests of the System once a year upon ten days' notice.
            11. STANDARDS. The Supplier maintains an information security management system certified to ISO/IEC 27001.
            12. LIFE CYCLE. The Supplier shall provide support and security updates for the Products for a period of
            seven (7) years from delivery, and shall give twelve (12) months' written notice of end-of-life.
            13. AUDIT. The City shall have the right, upon reasonable notice, to audit the Supplier's compliance with
            this Agreement and to inspect its books and records.
            """;

    @Test
    void findsTheSecurityClausesAndTheirValues() {
        Map<String, ClauseDetection> found = detect(SECURE_SLA);
        assertTrue(found.get("Breach Notification").present());
        assertEquals("72", found.get("Breach Notification").values().get("notificationHours"));
        assertTrue(found.get("Security Incident Response 24x7").present());
        assertEquals("4", found.get("Security Incident Response 24x7").values().get("responseHours"));
        assertTrue(found.get("Vulnerability And Patch Management").present());
        assertEquals("14", found.get("Vulnerability And Patch Management").values().get("patchDays"));
        assertTrue(found.get("Penetration Test Rights").present());
        assertTrue(found.get("Security Standards").present());
        assertTrue(found.get("Support Period And End Of Life Notice").present());
        assertEquals("7", found.get("Support Period And End Of Life Notice").values().get("supportYears"));
        assertTrue(found.get("Software Update Obligations").present());
        assertTrue(found.get("Audit Rights").present());
        assertFalse(found.get("Source Code Escrow").present());
        assertFalse(found.get("Insurance").present());
    }

    @Test
    void evidenceOffsetsPointIntoTheOriginalText() {
        String text = "Preamble.\u00A0\u00A0The City may con-\nduct an audit of the\u00A0Supplier's records at any time.";
        ClauseDetection audit = detect(text).get("Audit Rights");
        assertTrue(audit.present());
        ClauseSpan span = audit.evidence().get(0);
        assertTrue(text.substring(span.start(), span.end()).contains("audit"), text.substring(span.start(), span.end()));
        assertEquals(List.of("audit"), span.terms());
        assertTrue(span.snippet().contains("conduct an audit of the Supplier's records"), span.snippet());
    }

    @Test
    void evidenceIsTheClauseWithItsHeadingNotTheEndOfTheClauseBefore() {
        String text = "4. SECURITY INCIDENTS. The Supplier shall report any security incident affecting the Services to the City"
                + " within seven (7) days of its discovery.\n\n5. LIMITATION OF LIABILITY. The Supplier's total aggregate liability"
                + " under this Agreement shall not exceed two times the fees paid in the twelve (12) months preceding the\nclaim.\n\n"
                + "6. INSURANCE. The Supplier shall maintain professional liability insurance of at least five million dollars.";
        ClauseDetection cap = detect(text).get("Cap On Liability");
        assertTrue(cap.present());
        assertEquals("5. LIMITATION OF LIABILITY. The Supplier's total aggregate liability under this Agreement shall not exceed"
                + " two times the fees paid in the twelve (12) months preceding the claim.", cap.evidence().get(0).snippet());
    }

    @Test
    void anEntryOfTheTableOfContentsIsNotEvidence() {
        String contents = "TABLE OF CONTENTS 4. Audits and Inspections.......................... 7 5. Limitation of"
                + " Liability............................ 9 6. Insurance...... Page 11\n\n";
        String text = contents + "5. LIMITATION OF LIABILITY. The Supplier's total aggregate liability under this Agreement"
                + " shall not exceed the fees paid in the twelve (12) months preceding the claim.";
        ClauseDetection cap = detect(text).get("Cap On Liability");
        assertTrue(cap.present());
        assertTrue(cap.evidence().stream().noneMatch(e -> e.snippet().contains("....")), cap.evidence().toString());
        assertTrue(cap.evidence().get(0).snippet().startsWith("LIMITATION OF LIABILITY. The Supplier's total"),
                cap.evidence().toString());
        assertFalse(detect(contents).get("Cap On Liability").present(), "the contents alone say no cap is agreed");
        // Spaced dots and ellipsis characters are leaders too; "Page 11" is a page number. No entry is a clause.
        for (String leader : List.of("......................", " . . . . . . . ", "\u2026\u2026\u2026\u2026")) {
            String table = "TABLE OF CONTENTS 4. Audit Rights" + leader + "7 5. Limitation of Liability" + leader + "9 6. Insurance"
                    + leader + "Page 11 7. Liquidated Damages" + leader + "12\n\n";
            List<String> found = detect(table).values().stream().filter(ClauseDetection::present).map(ClauseDetection::category).toList();
            assertEquals(List.of(), found, table);
        }
        // Without leaders: page numbers, each before the next numbered heading.
        String plain = "TABLE OF CONTENTS 22.0 WARRANTIES 16 23.0 LIMITATION OF LIABILITY 17 24.0 RELATIONSHIP OF THE PARTIES 18"
                + " 25.0 SUPPLIER PERSONNEL 18 26.0 INSURANCE 19\n\n";
        assertFalse(detect(plain).get("Cap On Liability").present(), plain);
        ClauseDetection capAfter = detect(plain + "23.0 LIMITATION OF LIABILITY. The Supplier's total liability shall not exceed"
                + " the fees paid in the twelve (12) months preceding the claim.").get("Cap On Liability");
        assertTrue(capAfter.present());
        assertTrue(capAfter.evidence().stream().allMatch(e -> e.start() >= plain.length()), capAfter.evidence().toString());
        // A form's blank stands alone: the clause around it counts.
        assertTrue(detect("The Supplier shall notify the City of any security incident within ............ 24 hours of its"
                + " discovery.").get("Breach Notification").present());
    }

    @Test
    void aHeadingAloneIsShownWithTheSentenceAfterIt() {
        String text = "Recitals follow here and say nothing of interest to anyone at all. INSURANCE. Each party keeps"
                + " general liability insurance with limits of not less than $1,000,000 per occurrence.";
        int[] sentences = Sentences.starts(text);
        int start = text.indexOf("INSURANCE");
        assertEquals("INSURANCE. Each party keeps general liability insurance with limits of not less than $1,000,000 per"
                + " occurrence.", ClauseDetector.snippet(text, sentences, start, start + "INSURANCE".length()));
    }

    @Test
    void aShortClauseDoesNotRunOnIntoTheNextClausesHeading() {
        String text = "7. AUDIT RIGHTS. The City may audit the Supplier. 8. INSURANCE. The Supplier shall maintain cyber"
                + " insurance.";
        int start = text.indexOf("audit");
        assertEquals("7. AUDIT RIGHTS. The City may audit the Supplier.",
                ClauseDetector.snippet(text, Sentences.starts(text), start, start + 5));
    }

    @Test
    void twoSignalsInOneSentenceShowItOnce() {
        String text = "12. AUDIT. The Supplier shall permit the City to audit its compliance with this Agreement, including"
                + " the security of the systems, the handling of personal data, the invoices, the service levels and the"
                + " subcontractors it engages, and shall make its books and records available to the City's auditors.";
        List<String> snippets = detect(text).get("Audit Rights").evidence().stream().map(ClauseSpan::snippet).toList();
        assertEquals(snippets.stream().distinct().toList(), snippets);
    }

    @Test
    void aLongSentenceIsCutAroundTheSignalAtWordStarts() {
        String filler = "the party of the first part and its affiliates, ";
        String text = "Whereas " + filler.repeat(10) + "the City may audit the books of the Supplier, " + filler.repeat(10) + "and so on.";
        int start = text.indexOf("audit");
        String snippet = ClauseDetector.snippet(text, Sentences.starts(text), start, start + 5);
        assertTrue(snippet.startsWith("...") && snippet.endsWith("..."), snippet);
        assertTrue(snippet.contains("the City may audit the books of the Supplier"), snippet);
        assertTrue(snippet.length() <= 2 * 160 + 5 + 6, snippet.length() + ": " + snippet);
        String inner = snippet.substring(3, snippet.length() - 3);
        assertTrue(text.contains(inner) && text.charAt(text.indexOf(inner) - 1) == ' ', "cut inside a word: " + snippet);

        String headed = "9. AUDIT. " + text;
        start = headed.indexOf("audit the books");
        String kept = ClauseDetector.snippet(headed, Sentences.starts(headed), start, start + 5);
        assertTrue(kept.startsWith("9. AUDIT. ...") && kept.contains("the City may audit the books"), kept);

        // A cut that would fall inside a long heading starts at the signal's own sentence: nothing is shown twice.
        String longHeading = "9. LIMITATION OF LIABILITY AND EXCLUSION OF DAMAGES. Each party, its officers, its employees, its"
                + " agents and its subcontractors named in the schedule, may audit the other, " + filler.repeat(12) + "and so on.";
        start = longHeading.indexOf("audit the other");
        String once = ClauseDetector.snippet(longHeading, Sentences.starts(longHeading), start, start + 5);
        assertTrue(once.startsWith("9. LIMITATION OF LIABILITY AND EXCLUSION OF DAMAGES. Each party, its officers"), once);
    }

    @Test
    void theEndOfAWarrantyOrABatchIsNotTheEndOfTheAgreement() {
        assertFalse(detect("Records shall be kept for a period of not less than two years from the date of expiration of each"
                + " batch to which they pertain.").get("Post-Termination Services").present());
        assertFalse(detect("The maintenance term shall continue for twelve (12) months following the expiration of the"
                + " Warranty Period.").get("Post-Termination Services").present());
        assertTrue(detect("For a period of two years following the expiration of this Agreement, the Supplier shall supply"
                + " spare parts for the installed cameras.").get("Post-Termination Services").present());
    }

    @Test
    void auditedFinancialStatementsAreNotAuditRights() {
        assertFalse(detect("The Company shall deliver its audited financial statements within 90 days after year end.")
                .get("Audit Rights").present());
    }

    @Test
    void aBreachOfContractIsNotABreachNotification() {
        assertFalse(detect("If either party commits a material breach of this Agreement, the other may terminate it on "
                + "thirty (30) days written notice.").get("Breach Notification").present());
    }

    /** "Confidential Information" is no notification: a confidentiality duty alone notifies nobody of anything. */
    @Test
    void protectingConfidentialInformationIsNotABreachNotification() {
        assertFalse(detect("The Receiving Party will protect the Disclosing Party's Confidential Information from unauthorized"
                + " use, access, or disclosure in the same manner as it protects its own confidential information.")
                .get("Breach Notification").present());
        assertTrue(detect("Each Receiving Party shall notify the Disclosing Party promptly on discovery of any unauthorized use"
                + " or disclosure of the Disclosing Party's Confidential Information.").get("Breach Notification").present());
        assertTrue(detect("The Supplier shall inform the City of any security incident without undue delay.")
                .get("Breach Notification").present());
        // A licensee telling of misuse of the licensed marks protects the licensor's rights, not its systems or data.
        assertFalse(detect("Licensed Users shall notify Licensor promptly of any actual or threatened infringements, imitations"
                + " or unauthorized uses of the Licensed Mark of which they become aware.").get("Breach Notification").present());
    }

    /** A patch sewn on a uniform, or a definition naming patches, is no duty to fix vulnerabilities. */
    @Test
    void patchObligationsAreAboutSoftwareAndAreDuties() {
        assertFalse(detect("Uniforms may display one patch each for up to two secondary sponsors, provided such sponsors have"
                + " been approved in advance.").get("Vulnerability And Patch Management").present());
        assertFalse(detect("\"Update\" means any bug fixes, patches or software updates which the Vendor makes available to"
                + " the City.").get("Vulnerability And Patch Management").present());
        ClauseDetection duty = detect("The Provider shall provide a fix, work around, or patch for Severity 1 vulnerabilities"
                + " within five (5) days after they are reported.").get("Vulnerability And Patch Management");
        assertTrue(duty.present());
        assertEquals("5", duty.values().get("patchDays"));
    }

    @Test
    void dataProtectionIsADutyAboutPersonalDataNotAMention() {
        // A liability carve-out and an infringement warranty name data protection and privacy; neither is a duty.
        assertFalse(detect("2. LIMITATION OF LIABILITY. The Supplier's total aggregate liability shall not exceed the fees paid,"
                + " except for liability arising from gross negligence, wilful misconduct or breach of the data protection"
                + " obligations, which is unlimited.").get("Data Protection").present());
        assertFalse(detect("The Content will not infringe any third party's copyright, trademark or rights of publicity or"
                + " privacy, and will not violate any law or regulation.").get("Data Protection").present());
        assertTrue(detect("9. DATA PROTECTION. The Supplier shall process personal data only on the City's documented"
                + " instructions and comply with applicable data protection law.").get("Data Protection").present());
        assertTrue(detect("Vendor shall comply with all applicable privacy laws and regulations with respect to Customer"
                + " Information.").get("Data Protection").present());
    }

    @Test
    void aSupportPeriodReferredToIsNotOneStated() {
        String updates = "4. SOFTWARE UPDATES. The Supplier shall provide signed firmware updates and security updates free of"
                + " charge throughout the support period.";
        Map<String, ClauseDetection> found = detect(updates);
        assertTrue(found.get("Software Update Obligations").present());
        assertFalse(found.get("Support Period And End Of Life Notice").present());
        assertFalse(detect("Each Party shall notify the other promptly if any Product may be subject to a recall or market"
                + " withdrawal, and shall support the other in it.").get("Support Period And End Of Life Notice").present());
        assertTrue(detect("The support period of each Product is five (5) years from its delivery.")
                .get("Support Period And End Of Life Notice").present());
        assertTrue(detect("In the event that the Vendor discontinues a Product, it will provide at least six (6) months' prior"
                + " written notice to the City.").get("Support Period And End Of Life Notice").present());
    }
    @Test
    void weekLongNotificationIsFoundWithItsDays() {
        ClauseDetection notification = detect("Vendor shall report any data breach to the Customer within seven (7) "
                + "days of discovery.").get("Breach Notification");
        assertTrue(notification.present());
        assertEquals("7", notification.values().get("notificationDays"));
        assertEquals(null, notification.values().get("notificationHours"));
    }

    @Test
    void renewalAndNoticeValuesAreExtracted() {
        Map<String, ClauseDetection> found = detect("This Agreement shall automatically renew for successive twelve (12) "
                + "months renewal terms unless either party gives written notice of non-renewal at least sixty (60) days "
                + "prior to the expiration of the then-current term.");
        assertTrue(found.get("Renewal Term").present());
        assertEquals("12", found.get("Renewal Term").values().get("renewalTermMonths"));
        assertTrue(found.get("Notice Period To Terminate Renewal").present());
        assertEquals("60", found.get("Notice Period To Terminate Renewal").values().get("noticeDays"));
    }

    /**
     * Values as contracts state them - in words, in other units, beside other periods - in the unit their name
     * asks for, and the liability cap as written.
     */
    @Test
    void valuesAreReadInWordsAndOtherUnits() {
        Map<String, ClauseDetection> found = detect("The initial term is five (5) years. Thereafter this Agreement shall"
                + " automatically renew for successive one-year terms unless either party gives notice of non-renewal at least"
                + " six months prior to the end of the then-current term.");
        assertEquals("12", found.get("Renewal Term").values().get("renewalTermMonths"), "one year, not the five of the term");
        assertEquals("180", found.get("Notice Period To Terminate Renewal").values().get("noticeDays"));
        assertEquals("3", detect("The Supplier shall notify the City of any security incident within three (3) business"
                + " days.").get("Breach Notification").values().get("notificationDays"));
        assertEquals("24", detect("The Supplier shall notify the City of any security incident within twenty-four hours of"
                + " its discovery.").get("Breach Notification").values().get("notificationHours"));
        assertEquals("1", detect("If you discover a data breach, you must notify the City within one hour.")
                .get("Breach Notification").values().get("notificationHours"));
        assertEquals("12", detect("Company warrants that for a period of one (1) year from delivery the Products will be free"
                + " from defects.").get("Warranty Duration").values().get("warrantyMonths"));
        assertEquals("3", detect("Company warrants the Products to be free from defects for a period of ninety (90) days from"
                + " the date of delivery.").get("Warranty Duration").values().get("warrantyMonths"));
        assertEquals("$5,000,000", detect("The Supplier's total liability under this Agreement shall not exceed $5,000,000.")
                .get("Cap On Liability").values().get("liabilityCap"));
        assertEquals("the fees paid by the City in the twelve (12) months preceding the claim", detect("In no event shall the"
                + " Supplier's aggregate liability exceed the fees paid by the City in the twelve (12) months preceding the"
                + " claim.").get("Cap On Liability").values().get("liabilityCap"));
    }

    @Test
    void theStandardTaxonomyCoversTheCuadCategoriesSpelledExactly() {
        List<String> names = ClauseTaxonomy.standard().types().stream().map(ClauseType::name).toList();
        assertTrue(names.containsAll(List.of("Audit Rights", "Cap On Liability", "Uncapped Liability", "Insurance",
                "Liquidated Damages", "Source Code Escrow", "Change Of Control", "Anti-Assignment", "Warranty Duration",
                "Post-Termination Services", "Termination For Convenience", "Renewal Term",
                "Notice Period To Terminate Renewal", "Expiration Date")), names.toString());
        assertEquals(22, names.size());
    }

    @Test
    void aUserTaxonomyAddsAndReplacesTypes() throws IOException {
        String yaml = """
                version: "city-1"
                types:
                  - name: Manual Override
                    steps: [8]
                    patterns: ['\\bmanual override\\b']
                  - name: Insurance
                    steps: [2]
                    patterns: ['\\bcyber insurance\\b']
                """;
        ClauseTaxonomy merged = ClauseTaxonomy.standard()
                .merge(ClauseTaxonomy.load(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "city.yaml"));
        assertEquals(23, merged.types().size());
        Map<String, ClauseDetection> found = new ClauseDetector(merged).detect("Operators keep a manual override. "
                + "The Supplier shall maintain general liability insurance.").stream()
                .collect(Collectors.toMap(ClauseDetection::category, d -> d));
        assertTrue(found.get("Manual Override").present());
        assertFalse(found.get("Insurance").present(), "the city's Insurance rule replaced the standard one");
        java.util.function.Function<String, ClauseType> type = name -> merged.types().stream()
                .filter(t -> t.name().equals(name)).findFirst().orElseThrow();
        assertTrue(merged.shipped(type.apply("Audit Rights")));
        assertFalse(merged.shipped(type.apply("Insurance")), "replaced by the city's");
        assertFalse(merged.shipped(type.apply("Manual Override")));
        assertEquals("1+city-1", merged.version());
    }

    /** The part of {@code regex} that can take exponential time, if any. */
    private static java.util.Optional<String> exponential(String regex) {
        return ClauseTaxonomy.risk(regex).filter(ClauseTaxonomy.Risk::exponential).map(ClauseTaxonomy.Risk::part);
    }

    @Test
    void aRepeatedRepetitionThatCanTakeExponentialTimeIsRefusedNamingTheRule() {
        Map<String, String> refused = Map.of("^(\\w+\\s?)+$", "(\\w+\\s?)+", "x((a+)b)*y", "((a+)b)*",
                "(?:x{2,})+", "(?:x{2,})+", "(\\w+\\s?){0,5}x", "(\\w+\\s?){0,5}", "(\\w{1,5}\\s?){1,50}x",
                "(\\w{1,5}\\s?){1,50}", "(?i:(\\w+\\s?){2,20})x", "(\\w+\\s?){2,20}");
        refused.forEach((regex, part) -> assertEquals(java.util.Optional.of(part), exponential(regex), regex));
        for (String fine : List.of("(?:\\s+\\w+){0,5}", "(?:\\w+ ){0,3}?", "(?>\\w+\\s)+", "(\\w+)++", "[(+)]+",
                "\\(a+\\)+", "(a|b)+", "\\Q(a+)+\\E", "[^]()+]+", "(?:\\w+,){1,4}", "(?:ab){2,}",
                "\\bterminat\\w* (?:this|the) agreement\\b.{0,80}?\\bnotice\\b", "(?i)(?<![a-z])audit(?:ed|s)?\\b")) {
            assertEquals(java.util.Optional.empty(), exponential(fine), fine);
        }
        // Repeated without bound (or 5,000 times), a group of varying length or with alternatives recurses once per
        // round in Java's matcher, atomic or not, and nested repetitions multiply: each form refused here overflowed the
        // stack on a long text it matches (at most 200,000 characters; JDK 25), each accepted form did not.
        for (String deep : List.of("(?:\\w+ )*end", "(?:\\w+ )+end", "(?:\\w+ ){0,}end", "(a|b)+x", "(?:\\s+\\w+)*end",
                "(?>(?:\\w+ )*)end", "(?:\\w+ ){0,5000}end", "(?>\\w+ )+end", "(?:(?:x|y)z)*q", "\\d{1,3}(?:(?:,|\\.)\\d{3})*",
                "(?:(?:\\w+ ){0,100}; ){0,100}")) {
            assertEquals(java.util.Optional.of(false), ClauseTaxonomy.risk(deep).map(ClauseTaxonomy.Risk::exponential), deep);
        }
        for (String shallow : List.of("(?:\\w+ )*+end", "(?:\\w+ ){0,50}end", "(?:\\w+ ){0,200}end", "(?:ab){2,}x",
                "(?:ab)+x", "(\\w+)++x", "[ab]+x", "\\d{1,3}(?:[,.]\\d{3})*", "(?:(?:\\w+ ){0,10}; ){0,10}",
                "(?:a|an|the)\\s", "\\b(?:shall|will)\\b", "(?:\\d+\\s*)?days")) {
            assertEquals(java.util.Optional.empty(), ClauseTaxonomy.risk(shallow), shallow);
        }
        IOException deep = assertThrows(IOException.class, () -> ClauseTaxonomy.load(new ByteArrayInputStream(
                "types:\n  - name: Deep\n    patterns: ['notify(?: \\w+)* within']\n".getBytes(StandardCharsets.UTF_8)), "d.yaml"));
        assertTrue(deep.getMessage().startsWith("d.yaml, type 'Deep', patterns 1: '(?: \\w+)*' repeats a group without bound"),
                deep.getMessage());
        IOException empty = assertThrows(IOException.class, () -> ClauseTaxonomy.load(new ByteArrayInputStream(
                "types:\n  - name: Everywhere\n    patterns: ['(?:audit)?']\n".getBytes(StandardCharsets.UTF_8)), "e.yaml"));
        assertEquals("e.yaml, type 'Everywhere', patterns 1: '(?:audit)?' matches empty text, so it would find the clause"
                + " everywhere", empty.getMessage());
        String yaml = "types:\n  - name: Greedy\n    patterns: ['\\b(?:\\w+\\s*)+notice']\n";
        IOException error = assertThrows(IOException.class,
                () -> ClauseTaxonomy.load(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "city.yaml"));
        assertTrue(error.getMessage().startsWith("city.yaml, type 'Greedy', patterns 1: '(?:\\w+\\s*)+' repeats a part of"
                + " varying length"), error.getMessage());
    }

    @Test
    void aRuleGivesUpOnASentenceWhereItsOpeningWordsStandOverAndOverWithoutAMatch() throws Exception {
        // Hostile text ("except claims except claims ...") made each try of a rule with two gaps cost tens of
        // thousands of steps: 5 MB of it took a minute. A sentence is given up after 64 tries without a match.
        ClauseDetector detector = new ClauseDetector(ClauseTaxonomy.load(new ByteArrayInputStream(
                "types:\n  - name: Carve-out\n    patterns: ['\\bexcept\\b.{0,40}?\\bclaims\\b.{0,40}?\\bin no event\\b']\n"
                        .getBytes(StandardCharsets.UTF_8)), "city.yaml"));
        String matches = "Except claims in no event shall it exceed the fees. ";
        // 20 tries without a match, then one: a real sentence can hold a rule's opening word that often.
        assertTrue(detector.detect("Such " + "except ".repeat(20) + matches).get(0).present());
        // 80 without one: the sentence is given up before the match at its end; the next sentence is tried.
        assertFalse(detector.detect("Such " + "except ".repeat(80) + matches).get(0).present());
        assertTrue(detector.detect("Such " + "except ".repeat(80) + "lists. " + matches).get(0).present());
    }

    @Test
    void aCitysRuleThatBacktracksWithoutEndStopsWhenItsThreadIsInterrupted() throws Exception {
        // Overlapping alternatives pass the check of the syntax; on 80 'a' without an 'x' the search would try
        // some 10^16 ways of splitting them.
        // The slow type alone (a file's, so guarded): interrupted, it can only be stopped inside the rule.
        ClauseDetector detector = new ClauseDetector(ClauseTaxonomy.load(new ByteArrayInputStream(
                "types:\n  - name: Slow\n    patterns: ['(?:a|aa){1,100}x']\n".getBytes(StandardCharsets.UTF_8)), "city.yaml"));
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "slow-rule");
            thread.setDaemon(true); // should the guard fail, the thread must not keep the test JVM alive
            return thread;
        });
        java.util.concurrent.CountDownLatch started = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.Future<?> running = pool.submit(() -> {
            started.countDown();
            return detector.detect("a".repeat(80) + ".");
        });
        started.await();
        Thread.sleep(200); // normalizing 81 characters takes microseconds; then the slow rule runs
        running.cancel(true);
        pool.shutdown();
        assertTrue(pool.awaitTermination(20, java.util.concurrent.TimeUnit.SECONDS), "the rule did not stop");
    }

    @Test
    void theShippedRulesStopWhenInterruptedInAHugeTextWithoutAFullStop() throws Exception {
        // 2.8 million characters, one "sentence": each shipped rule is bounded, but Uncapped Liability's tries at
        // every "except" took 20 s here, and a rule on a plain String is only stopped between types.
        String text = "except claims ".repeat(200_000);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "huge-text");
            thread.setDaemon(true);
            return thread;
        });
        java.util.concurrent.Future<?> running = pool.submit(() -> DETECTOR.detect(text));
        // By then Uncapped Liability runs: with 64 tries per sentence it still takes some 6 s on this text, and only a
        // rule on the guarded text stops inside it (a rule on a plain String stops at the next type).
        Thread.sleep(2_000);
        running.cancel(true);
        pool.shutdown();
        assertTrue(pool.awaitTermination(3, java.util.concurrent.TimeUnit.SECONDS), "the detection did not stop");
    }

    @Test
    void anInterruptedDetectionStops() {
        Thread.currentThread().interrupt();
        try {
            assertThrows(java.util.concurrent.CancellationException.class, () -> DETECTOR.detect("The City may audit."));
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void taxonomyErrorsNameTheFileAndTheEntry() {
        String yaml = "types:\n  - name: Broken\n    patterns: ['(unclosed']\n";
        IOException error = assertThrows(IOException.class,
                () -> ClauseTaxonomy.load(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "mine.yaml"));
        assertTrue(error.getMessage().startsWith("mine.yaml, type 'Broken', patterns 1: not a valid regular expression"),
                error.getMessage());
        IOException noName = assertThrows(IOException.class, () -> ClauseTaxonomy
                .load(new ByteArrayInputStream("types:\n  - steps: [2]\n".getBytes(StandardCharsets.UTF_8)), "x.yaml"));
        assertEquals("x.yaml: type 1 has no name", noName.getMessage());
    }
}
