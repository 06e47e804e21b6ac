package org.civicsla.index.clauses;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

/** The rule format (anchors, sentences, weights, headings) and the CUAD rules on small clauses of our own. */
class ClauseRulesTest {

    private static final ClauseDetector STANDARD = ClauseDetector.standard();

    private static boolean present(String type, String text) {
        return STANDARD.detect(text).stream().filter(d -> d.category().equals(type)).findFirst().orElseThrow().present();
    }

    private static Map<String, ClauseDetection> detect(String yaml, String text) throws IOException {
        ClauseTaxonomy taxonomy = ClauseTaxonomy.load(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "t.yaml");
        return new ClauseDetector(taxonomy).detect(text).stream().collect(Collectors.toMap(ClauseDetection::category, d -> d));
    }

    @Test
    void sentencesEndAtStopsButNotAfterAbbreviations() {
        String text = "Acme Inc. shall pay. The U.S. Buyer may audit. 2. Term The term is one year.";
        int[] starts = Sentences.starts(text);
        assertArrayEquals(new int[] { 0, 21, 47, 50 }, starts, java.util.Arrays.toString(starts));
        assertEquals(1, Sentences.indexOf(starts, 25));
    }

    @Test
    void lowerCaseTextKeepsOffsets() {
        NormalizedText t = NormalizedText.of("İSTANBUL  Ünal SHALL");
        assertEquals(t.text().length(), t.lower().length());
        assertTrue(t.lower().endsWith("shall"), t.lower());
    }

    @Test
    void contextIsTheSentenceOfTheMatch() throws IOException {
        String yaml = """
                types:
                  - name: Escrow
                    anchors: [escrow]
                    patterns: ['\\bescrow\\b']
                    near: ['\\bsource code\\b']
                """;
        assertTrue(detect(yaml, "The source code is held in escrow by an agent.").get("Escrow").present());
        assertFalse(detect(yaml, "The source code is ours. The purchase price is paid into escrow.").get("Escrow").present(),
                "source code in another sentence is not context");
    }

    @Test
    void contextSentencesWidenTheContext() throws IOException {
        String yaml = """
                types:
                  - name: Renewal Notice
                    patterns: ['\\bdays prior to the end of the term\\b']
                    near: ['\\brenew']
                    contextSentences: 1
                """;
        assertTrue(detect(yaml, "The term renews each year. Either party may stop it by notice sixty days prior to the end "
                + "of the term.").get("Renewal Notice").present());
        assertFalse(detect(yaml.replace("contextSentences: 1", "contextSentences: 0"), "The term renews each year. Either "
                + "party may stop it by notice sixty days prior to the end of the term.").get("Renewal Notice").present());
    }

    @Test
    void excludeInClauseStopsAtSemicolons() throws IOException {
        String yaml = """
                types:
                  - name: Convenience
                    patterns: ['\\bterminate\\b.{0,40}?\\bnotice\\b']
                    exclude: ['\\bbreach']
                    excludeInClause: true
                """;
        String text = "Either party may terminate (a) upon ninety days notice; (b) if the other party is in breach.";
        assertTrue(detect(yaml, text).get("Convenience").present());
        assertFalse(detect(yaml.replace("excludeInClause: true", "excludeInClause: false"), text).get("Convenience").present());
        assertFalse(detect(yaml, "Either party may terminate upon notice if the other is in breach.").get("Convenience")
                .present(), "the same clause");
        IOException error = assertThrows(IOException.class, () -> detect(yaml.replace("true", "'yes'"), text));
        assertTrue(error.getMessage().contains("'excludeInClause' must be true or false"), error.getMessage());
    }

    @Test
    void patternsRunOnlyWhereAnAnchorIs() throws IOException {
        String yaml = """
                types:
                  - name: Audit
                    anchors: [inspect]
                    patterns: ['\\baudit\\b']
                """;
        assertFalse(detect(yaml, "The City may audit the books.").get("Audit").present(), "no anchor, no look");
        assertTrue(detect(yaml, "The City may audit and inspect the books.").get("Audit").present());
    }

    @Test
    void weightsAddUpToTheMinimumScore() throws IOException {
        String yaml = """
                types:
                  - name: Transition
                    patterns:
                      - {pattern: '\\btransition\\b', weight: 0.5}
                      - '\\btransition services agreement\\b'
                    minScore: 1
                """;
        assertFalse(detect(yaml, "A transition is planned.").get("Transition").present());
        assertTrue(detect(yaml, "A transition is planned. The transition team meets.").get("Transition").present());
        assertTrue(detect(yaml, "They sign a Transition Services Agreement.").get("Transition").present());
    }

    @Test
    void aHeadingIsTheStartOfTheSentenceAfterIt() throws IOException {
        String yaml = """
                types:
                  - name: Insurance Heading
                    patterns: ['^(?:\\d{1,2}\\.? )?insurance\\b']
                """;
        assertTrue(detect(yaml, "11. Insurance\nThe Supplier shall keep cover.").get("Insurance Heading").present());
        assertFalse(detect(yaml, "The Supplier shall keep insurance cover.").get("Insurance Heading").present());
    }

    @Test
    void aWeightMustBePositive() {
        String yaml = "types:\n  - name: W\n    patterns: [{pattern: 'x', weight: 0}]\n";
        IOException error = assertThrows(IOException.class,
                () -> ClauseTaxonomy.load(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "w.yaml"));
        assertTrue(error.getMessage().startsWith("w.yaml, type 'W', patterns 1, weight: must be a number above 0"),
                error.getMessage());
    }

    @Test
    void uncappedLiabilityIsACarveOutFromALimitation() {
        assertTrue(present("Uncapped Liability", "EXCEPT FOR A PARTY'S INDEMNIFICATION OBLIGATIONS AND BREACH OF SECTION 8 "
                + "(CONFIDENTIALITY), IN NO EVENT SHALL EITHER PARTY BE LIABLE FOR ANY CONSEQUENTIAL DAMAGES."));
        assertTrue(present("Uncapped Liability", "Neither party shall be liable for indirect damages; provided that this "
                + "limitation shall not apply to a party's gross negligence or wilful misconduct."));
        assertFalse(present("Uncapped Liability", "In no event shall either party be liable for any consequential damages. "
                + "Each party's total liability shall not exceed the fees paid."));
        assertTrue(present("Cap On Liability", "Each party's total liability shall not exceed the fees paid."));
    }

    @Test
    void aCarveOutBySectionNumberIsUncapped() {
        assertTrue(present("Uncapped Liability", "THE LIABILITY OF EITHER PARTY FOR DAMAGES HEREUNDER (EXCEPT UNDER SECTIONS 15 "
                + "AND 16) IS LIMITED TO, AND WILL NOT EXCEED, THE AMOUNTS PAID."));
        assertTrue(present("Uncapped Liability", "No party will be liable for any consequential damages. This limitation does "
                + "not, however, apply to any obligation of either party to indemnify the other."));
    }

    @Test
    void redactedOrStandAloneCarveOutsAreUncapped() {
        assertTrue(present("Uncapped Liability", "EXCEPT FOR [**], IN NO EVENT WILL EITHER PARTY BE LIABLE TO THE OTHER "
                + "PARTY FOR [**]."));
        assertTrue(present("Uncapped Liability", "Breaches of confidentiality and the indemnification obligations are "
                + "excluded from these limitations of liability."));
        assertTrue(present("Uncapped Liability", "Each party bears full responsibility, without limit, for damages caused "
                + "by its gross negligence."));
        assertFalse(present("Uncapped Liability", "The confidentiality obligations shall not apply to information that is "
                + "public; this limitation on use does not apply to independently developed materials."),
                "a limitation that is no limitation of liability");
    }

    @Test
    void renewalNoticeGivenAsATermination() {
        assertTrue(present("Notice Period To Terminate Renewal", "The Agreement shall automatically renew for successive "
                + "one year terms unless terminated by either party at least six months prior to the expiration of the term."));
        assertTrue(present("Notice Period To Terminate Renewal", "It shall automatically renew for successive one-year "
                + "periods, unless the Company provides 90 days' notice of termination before any such period."));
        assertFalse(present("Notice Period To Terminate Renewal", "This Agreement shall continue for three years unless "
                + "terminated earlier under Section 9."));
    }

    @Test
    void renewalAndItsNoticeInWordsOrRedacted() {
        assertTrue(present("Renewal Term", "It shall have a duration of five years, extendable for a further two years."));
        assertTrue(present("Notice Period To Terminate Renewal", "The Agreement renews automatically for successive one-year "
                + "terms unless, no later than [* * *] days prior to the end of the Initial Term, either party objects."));
        assertFalse(present("Renewal Term", "Each Calendar Quarter means each successive period of three months."));
    }

    @Test
    void renewalsTacitOptionalOrEvergreenButNotCalendarPeriodsOrDeadlines() {
        assertTrue(present("Renewal Term", "It is established by calendar year and renewed tacitly every year."));
        assertTrue(present("Renewal Term", "The Customer may, at its option, renew maintenance for subsequent periods of "
                + "one (1) year each."));
        assertTrue(present("Renewal Term", "When this Agreement expires, you will have the option to continue the "
                + "relationship for two (2) additional terms of ten (10) years each."));
        assertTrue(present("Renewal Term", "Thereafter it shall continue in effect until terminated by either party upon "
                + "thirty (30) days prior written notice."));
        assertFalse(present("Renewal Term", "\"Contract Year\" means each successive twelve (12) month period commencing "
                + "on the anniversary of the Effective Date."));
        assertFalse(present("Renewal Term", "The review period may be extended for an additional sixty (60) days."));
        assertFalse(present("Renewal Term", "The license will be extendable to contractors of the Licensee."));
        assertFalse(present("Renewal Term", "Fees for the Initial Term and any Renewal Term are set out in Exhibit A. "
                + "Prices for a Renewal Term follow Exhibit B. Each Renewal Term is invoiced yearly. A Renewal Term "
                + "starts on January 1."), "defined-term mentions, however many, are no renewal clause");
    }

    @Test
    void terminationForConvenienceNeedsNoCause() {
        assertTrue(present("Termination For Convenience", "Either party may terminate this Agreement for convenience."));
        assertTrue(present("Termination For Convenience",
                "This Agreement may be terminated by either party upon ninety (90) days written notice."));
        assertFalse(present("Termination For Convenience", "Either party may terminate this Agreement upon thirty (30) days "
                + "written notice if the other party materially breaches it."));
        assertTrue(present("Termination For Convenience", "This Agreement shall terminate (a) at the option of any party, "
                + "upon 90 days' advance written notice to the other parties; (b) if a party materially breaches it."));
        assertTrue(present("Termination For Convenience", "So long as no default exists, either party may terminate "
                + "this Agreement at any time upon thirty (30) days written notice to the other party."));
        assertFalse(present("Termination For Convenience", "Either party may terminate this Agreement upon written "
                + "notice if the other party becomes bankrupt."));
        assertTrue(present("Termination For Convenience", "This Agreement shall continue until the earlier of (a) its fifth "
                + "anniversary and (b) termination by either Party for any reason upon thirty (30) days' written notice."));
        assertFalse(present("Termination For Convenience", "Upon termination of this Agreement for any reason, the "
                + "Distributor shall return all materials."));
    }

    @Test
    void changeOfControlIsAConsequenceOfAnAcquisition() {
        assertTrue(present("Change Of Control", "Licensor may terminate this Agreement upon notice if Licensee undergoes a "
                + "Change of Control."));
        assertTrue(present("Change Of Control", "Supplier shall notify the Buyer of any merger or sale of all or "
                + "substantially all of its assets."));
        assertFalse(present("Change Of Control", "Either party may assign this Agreement without consent to a successor by "
                + "merger or sale of substantially all of its assets."));
    }

    @Test
    void antiAssignmentAsAVoidSaleOrAnAutomaticTermination() {
        assertTrue(present("Anti-Assignment", "Any sale, transfer or other conveyance of the stock of Licensor in violation "
                + "of this Section shall be null and void."));
        assertTrue(present("Anti-Assignment", "This Agreement will terminate automatically in the event of its assignment."));
        assertTrue(present("Anti-Assignment", "The rights granted Company shall not, without the prior written consent of "
                + "Licensor, be transferred or assigned to any other."));
        assertTrue(present("Anti-Assignment", "Except with the prior written consent of BKC, Franchisee shall not (a) "
                + "directly or indirectly sell, assign, convey or otherwise transfer its rights under this Agreement."));
        assertTrue(present("Anti-Assignment", "Neither party shall, without the prior written consent (not to be "
                + "unreasonably withheld) of the other party having been obtained, assign this Agreement."));
        assertFalse(present("Anti-Assignment", "The Distributor shall transfer the Products to the carrier at the plant."));
    }

    @Test
    void expirationAuditAndCapInOtherWords() {
        assertTrue(present("Expiration Date", "Agent's appointment shall commence on the date hereof and shall continue for "
                + "three years thereafter."));
        assertTrue(present("Expiration Date", "It shall be effective on 06 October 2000 and shall have a duration of two "
                + "years."));
        assertTrue(present("Expiration Date", "The license shall be for an initial period of 36 months, commencing "
                + "from the acceptance date."));
        assertTrue(present("Expiration Date", "The term of this Agreement commences on the Effective Date and terminates on "
                + "August 2nd, 2015."));
        assertTrue(present("Expiration Date", "The initial term of the Services shall continue up to and including "
                + "28 February 2000."));
        assertTrue(present("Expiration Date", "This Agreement shall remain in effect perpetually as long as fees are paid."));
        assertTrue(present("Audit Rights", "LEA shall keep written records of Cash Sales and shall permit such records to "
                + "be examined by T&B upon reasonable notice."));
        assertTrue(present("Cap On Liability", "Supplier's liability for indirect loss, including consequential loss, "
                + "loss of profit and loss caused by interruption of operations is excluded."));
    }

    @Test
    void notLimitedToIsNoCapAndAccessToPremisesNoAudit() {
        assertTrue(present("Cap On Liability", "UNDER NO CIRCUMSTANCES, INCLUDING NEGLIGENCE, SHALL XACCT BE LIABLE FOR "
                + "ANY SPECIAL, INCIDENTAL OR CONSEQUENTIAL DAMAGES."));
        assertFalse(present("Cap On Liability", "Neither Party shall be liable for any failure to perform caused by events "
                + "beyond its control, including, but not limited to, fires and floods."));
        assertTrue(present("Cap On Liability", "Supplier's liability under this Agreement is limited to the fees paid."));
        assertTrue(present("Audit Rights", "Network 1 shall have the right to inspect the Local Offices during normal "
                + "business hours to insure compliance by Affiliate."));
        assertFalse(present("Audit Rights", "Customer shall provide eGain with access to Customer's premises and "
                + "equipment to perform the services."));
        assertTrue(present("Audit Rights", "Licensor shall give Licensee reasonable access to its books and records "
                + "relating to the royalties."));
    }

    @Test
    void liquidatedDamagesNotByDefinitionPerjuryOrWaiver() {
        assertTrue(present("Liquidated Damages", "Distributor shall pay a penalty of $500 for each late delivery."));
        assertFalse(present("Liquidated Damages", "Consent must be given in writing under penalty of nullity."));
        assertFalse(present("Liquidated Damages", "1.6 \"Buy-Out Fee\" is defined in Section 4.2 hereof."));
        assertFalse(present("Liquidated Damages", "Neither party shall have a liability for consequential or liquidated "
                + "damages pertaining to late delivery."));
    }

    @Test
    void noticeExercisingARenewalOptionIsNoNonRenewalNotice() {
        assertTrue(present("Notice Period To Terminate Renewal", "Franchisor shall notify Franchisee of the nonrenewal "
                + "not less than six (6) months prior to the expiration of the term."));
        assertFalse(present("Notice Period To Terminate Renewal", "Cisco may, by written notice given at least thirty "
                + "(30) days prior to the end of the then-current term, extend the term of the Agreement for one year."));
        assertTrue(present("Notice Period To Terminate Renewal", "The Agreement renews automatically for successive "
                + "one-year terms unless either party gives notice of non-renewal ninety days before the end of the term."));
    }

    @Test
    void anExculpationIsNoUncappedLiabilityNorReturningMaterialsAPostTerminationService() {
        assertFalse(present("Uncapped Liability", "The Sponsor shall not be liable for any error of judgment or mistake of "
                + "law, except for willful misfeasance, bad faith or gross negligence in the performance of its duties."));
        assertTrue(present("Uncapped Liability", "Neither party shall be liable for any consequential damages, except for "
                + "damages arising from a breach of confidentiality."));
        assertFalse(present("Post-Termination Services", "Upon termination of this Agreement, the Distributor shall return "
                + "or destroy all copies of the price lists."));
        assertTrue(present("Post-Termination Services", "Upon termination of this Agreement, the Supplier shall supply "
                + "the remaining orders."));
    }

    @Test
    void changeOfControlWhenAssetsAreSoldOrAMergerCountsAsATransfer() {
        assertTrue(present("Change Of Control", "In the event that a majority of Application Provider's assets are merged, "
                + "acquired or sold to a competitor, then Excite may terminate this Agreement."));
        assertTrue(present("Change Of Control", "A sale of stock in Developer, or a merger of Developer, shall be "
                + "considered a transfer of Developer's interest prohibited hereunder."));
        assertTrue(present("Change Of Control", "Vendor may terminate this Agreement upon written notice of a change of "
                + "control of Vendor, where a \"change of control\" shall mean that a third party acquires a majority of "
                + "the voting power of Vendor."));
        assertFalse(present("Change Of Control", "1.4 \"Change of Control\" means the acquisition of a majority of the "
                + "voting power of a party, and notice of it is given under Section 12."));
        assertTrue(present("Change Of Control", "Principals must not, without our prior written consent, transfer, pledge "
                + "or otherwise encumber their ownership interest in you."));
        assertTrue(present("Change Of Control", "No stockholder will sell or transfer any equity interest in Franchisee "
                + "to any person without the prior written consent of Franchisor."));
        assertFalse(present("Change Of Control", "The Company shall sell to Investor an equity interest in the Company "
                + "at the closing."), "a sale of shares with no consent, notice or termination");
        assertFalse(present("Change Of Control", "This contract shall not be assigned without the prior written consent "
                + "of the other, except that a party may assign this contract to a successor entity as a result of a merger."));
    }

    @Test
    void warrantyDurationIsAboutDefectsNotStockWarrants() {
        assertTrue(present("Warranty Duration", "Supplier warrants that the Products shall be free from defects in "
                + "materials and workmanship for twelve (12) months from delivery."));
        assertTrue(present("Warranty Duration", "Tripath warrants that the Products will be free of workmanship defects "
                + "for one year from the date of shipment."));
        assertTrue(present("Warranty Duration", "MSL will warrant its workmanship for [*] months."));
        assertTrue(present("Warranty Duration", "For ninety (90) days after delivery of a Product, Developer warrants that "
                + "the media shall be of good quality."));
        assertTrue(present("Warranty Duration", "If any portion of the shipment fails to conform to the Specifications, "
                + "Astellas shall notify FG within [ * ] of its receipt."));
        assertFalse(present("Warranty Duration", "The Company shall issue warrants to purchase 50,000 shares of common "
                + "stock, exercisable for a period of three (3) years."));
    }

    @Test
    void insuranceArrangedOrAcquiredAndDefectsReportedWithinDays() {
        assertTrue(present("Insurance", "Oak Ridge shall arrange product liability and warranty insurance."));
        assertTrue(present("Insurance", "Company will carry product liability insurance through a products liability "
                + "insurance company and will name the Distributor as an additional insured under that policy."));
        assertFalse(present("Insurance", "MetLife Insurance Company is licensed as an insurance company in its "
                + "jurisdiction."));
        assertTrue(present("Warranty Duration", "Within seven (7) days of receipt of such Products, Distributor will "
                + "notify Company of any shortages, defects or non-conformance."));
    }

    @Test
    void postTerminationObligationsButNotConfidentialityTails() {
        assertTrue(present("Post-Termination Services", "Upon termination of this Agreement, the Supplier shall provide "
                + "transition assistance to the City for ninety days."));
        assertFalse(present("Post-Termination Services", "For a period of five (5) years after termination of this "
                + "Agreement, the parties shall keep all Confidential Information secret."));
    }

    @Test
    void changeOfControlDefinitionsInListsAndAssignmentsNotDeemed() {
        assertFalse(present("Change Of Control", "(e) \"Change of Control\" means the acquisition by any person of more "
                + "than half of the voting shares of the Company."), "a lettered definition");
        assertFalse(present("Change Of Control", "12 Definitions Change in Control: means a sale of the whole of the "
                + "issued share capital of the Company."), "a definition after a heading, with a colon");
        assertTrue(present("Change Of Control", "(e) Either party may terminate this Agreement on notice if the other "
                + "party undergoes a Change of Control."));
        assertFalse(present("Change Of Control", "No delegation of a duty shall be deemed an assignment of this "
                + "Agreement, nor shall any change in control of a party be deemed an assignment hereunder."));
        assertTrue(present("Change Of Control", "Any change in control of a party shall be deemed an assignment that "
                + "requires the other party's consent."));
    }

    @Test
    void warrantyDurationNotOfWarrantsThatVest() {
        assertFalse(present("Warranty Duration", "The Consultant shall keep all vested common shares and any options "
                + "and warrants, with vesting continuing for twelve (12) months following termination."));
        assertTrue(present("Warranty Duration", "Supplier warrants the Products against defects for twelve (12) months "
                + "from delivery."));
    }

    @Test
    void postTerminationTransitionOnTheEndNotAfterAClosingNorClaimsOrSurvival() {
        assertFalse(present("Post-Termination Services", "During the transition period after the Closing Date, Seller "
                + "shall make the listed services available to Buyer."));
        assertTrue(present("Post-Termination Services", "On the expiry of this Agreement the parties shall agree a "
                + "transition plan for moving the services to the City's new provider."));
        assertFalse(present("Post-Termination Services", "No action arising out of this Agreement may be brought more "
                + "than one year after the termination of this Agreement."));
        assertFalse(present("Post-Termination Services", "This section shall survive for two years after the "
                + "expiration of this Agreement."));
        assertTrue(present("Post-Termination Services", "The Distributor may sell its remaining stock of Products for "
                + "six months after the termination of this Agreement."));
    }

    @Test
    void terminationForConvenienceAtDiscretionOrAsAnItemOfTheWaysToEnd() {
        assertTrue(present("Termination For Convenience", "The Company may, in its sole and absolute discretion, "
                + "terminate the Consultant's engagement and pay the fees for the rest of the term instead."));
        assertFalse(present("Termination For Convenience", "The Company may, in its sole discretion, terminate the "
                + "engagement if the Consultant neglects his duties."));
        assertFalse(present("Termination For Convenience", "The party not delayed may, in its sole discretion, "
                + "terminate the affected order for the duration of the delaying cause."));
        assertTrue(present("Termination For Convenience", "The Agreement can be terminated before the end of the Term "
                + "as follows: (a) by either party if the other is insolvent; (b) by the Licensee giving the Licensor "
                + "not less than sixty (60) days' written notice."));
        assertFalse(present("Termination For Convenience", "The Agreement can be terminated before the end of the Term "
                + "as follows: (a) by either party if the other is insolvent; (b) by the Licensee giving the Licensor "
                + "sixty (60) days' written notice if the Licensor fails to pay."));
        assertFalse(present("Termination For Convenience", "This Agreement shall continue in full force and effect "
                + "thereafter until terminated by either Party by providing thirty (30) days' prior written notice."),
                "an evergreen term ended by notice is a renewal");
    }

    @Test
    void noticeToTerminateARenewedTermAfterTheInitialTerm() {
        assertTrue(present("Notice Period To Terminate Renewal", "The contract runs for two years and thereafter renews "
                + "for successive one-year terms. After the initial term, the Customer may terminate this contract at any "
                + "time by giving sixty days' written notice."), "the renewal stated in the sentence before");
        assertTrue(present("Notice Period To Terminate Renewal", "The licence renews each year for a further year; the "
                + "Licensee may terminate it during any renewal period upon thirty (30) days' written notice."));
        assertFalse(present("Notice Period To Terminate Renewal", "The contract runs for two years. After the initial "
                + "term, the Customer may terminate this contract at any time by giving sixty days' written notice."),
                "no renewal: an ordinary notice to terminate");
        assertFalse(present("Notice Period To Terminate Renewal", "During the initial term the Customer may terminate "
                + "this contract on sixty days' notice, and the contract renews for successive one-year terms."),
                "ending the initial term early is no notice against a renewal");
    }

    @Test
    void changeOfControlWhenAPartyIsAcquiredByAnother() {
        assertTrue(present("Change Of Control", "Upon the acquisition of the Supplier by a direct competitor of the City, "
                + "the City may terminate this contract."));
        assertTrue(present("Change Of Control", "Once the Reseller has been acquired by any other company, the Manufacturer "
                + "may terminate this contract."));
        assertFalse(present("Change Of Control", "The Buyer shall obtain every consent needed for the acquisition by the "
                + "Buyer of the shares."), "buying shares is no party being acquired");
        assertFalse(present("Change Of Control", "Upon the acquisition by the Licensee of new equipment, the Licensee shall "
                + "notify the Licensor of its serial number."));
    }

    @Test
    void terminationForConvenienceAsAListItemNamingBothParties() {
        assertTrue(present("Termination For Convenience", "This Agreement may be terminated as follows: (a) by either party "
                + "if the other becomes insolvent; (b) by either the Licensor or the Licensee upon written notice to the "
                + "other of at least three months."));
        assertFalse(present("Termination For Convenience", "This Agreement may be terminated as follows: (a) by either "
                + "party if the other becomes insolvent; (b) by either the Licensor or the Licensee upon written notice if "
                + "the other fails to pay an invoice."), "an item with a cause");
    }

    @Test
    void terminableOnNoticeIsLookedAt() {
        assertTrue(present("Termination For Convenience", "The licence is terminable by either party on thirty (30) days' "
                + "written notice to the other."));
        assertFalse(present("Termination For Convenience", "The licence is terminable by the Licensor on thirty (30) days' "
                + "written notice if the Licensee fails to pay any fee."));
    }

    @Test
    void terminationForConvenienceByAPartyNotInBreach() {
        assertTrue(present("Termination For Convenience", "Provided that it is not then in breach of this Agreement, the "
                + "Customer may terminate this Agreement for convenience by written notice to the Contractor."));
        assertFalse(present("Termination For Convenience", "If the Contractor is in breach of this Agreement, the Customer "
                + "may terminate this Agreement by written notice to the Contractor."));
    }

    @Test
    void noticePeriodToTerminateRenewalStatesAPeriod() {
        assertTrue(present("Notice Period To Terminate Renewal", "The Agreement renews automatically unless either party "
                + "gives written notice of non-renewal at least sixty days before the end of the term."));
        assertTrue(present("Notice Period To Terminate Renewal", "The Agreement renews automatically unless either party "
                + "gives written notice of non-renewal [***] before the end of the term."), "a redacted period");
        assertFalse(present("Notice Period To Terminate Renewal", "The Agreement renews automatically unless either party "
                + "gives written notice of non-renewal."), "no period");
    }

    @Test
    void terminationForConvenienceIsNoNonRenewalNorForceMajeure() {
        assertTrue(present("Termination For Convenience", "Either party may terminate this Agreement at any time upon sixty "
                + "(60) days' written notice to the other."));
        assertFalse(present("Termination For Convenience", "Either party may terminate this Agreement at the end of the "
                + "initial term or of any renewal term upon sixty (60) days' written notice to the other."),
                "ending it at the end of a term is a non-renewal");
        assertTrue(present("Termination For Convenience", "The Distributor may terminate this Agreement at any time by "
                + "giving the Supplier ninety (90) days' prior written notice."));
        assertFalse(present("Termination For Convenience", "Where a strike or other cause beyond the Supplier's reasonable "
                + "control lasts more than sixty days, the Distributor may terminate this Agreement by giving the Supplier "
                + "thirty (30) days' notice."), "force majeure");
        assertFalse(present("Termination For Convenience", "Where a flood or other event beyond the control of the Supplier "
                + "continues for two months, the Distributor may terminate this Agreement by giving thirty (30) days' notice."));
    }

    @Test
    void noticePeriodIsNoRenewalThePartiesMustAgreeOn() {
        assertTrue(present("Notice Period To Terminate Renewal", "The Agreement renews automatically for successive one-year "
                + "terms unless either party notifies the other in writing at least sixty (60) days before the end of the "
                + "then-current term."));
        assertFalse(present("Notice Period To Terminate Renewal", "After the initial term, this Agreement may only be "
                + "renewed if both parties agree in writing at least sixty (60) days before the end of the initial term."));
        assertFalse(present("Notice Period To Terminate Renewal", "The parties may agree in writing, no later than sixty "
                + "(60) days before the end of the term, to a renewal of this Agreement for a further year."));
    }

    @Test
    void capOnLiabilityByBothPartiesNamedExcludedDamagesOrAContributionCap() {
        assertTrue(present("Cap On Liability", "Neither the Supplier nor the City shall be liable to the other for any "
                + "indirect or consequential loss."));
        assertFalse(present("Cap On Liability", "Neither the Supplier nor the City shall be liable for delays caused by "
                + "the weather."));
        assertTrue(present("Cap On Liability", "The Contractor excludes all liability for indirect, special or "
                + "consequential damages."));
        assertFalse(present("Cap On Liability", "The Contractor's price shall exclude any liability insurance premiums "
                + "for the project."));
        assertTrue(present("Cap On Liability", "The Agent shall not be required to contribute any amount in excess of the "
                + "fees it has received under this Agreement."));
        assertTrue(present("Cap On Liability", "No Selling Agent shall be required to contribute any amount in excess of "
                + "the commission paid to it."));
        assertFalse(present("Cap On Liability", "Each Agent shall be required to contribute any amount in excess of its "
                + "share of the deposit."), "an obligation to contribute, not a cap");
    }

    @Test
    void capOnLiabilityIsNoSectionNamedInBrackets() {
        assertTrue(present("Cap On Liability", "Section 9 sets out the limitation of liability that applies to every order."));
        assertFalse(present("Cap On Liability", "Sections 8 (Confidentiality) and 9 (Limitation of Liability) shall survive "
                + "the termination of this Agreement."));
    }

    @Test
    void expirationDateOnAnEvent() {
        assertTrue(present("Expiration Date", "This Agreement shall expire when the last of the Licensed Patents lapses."));
        assertTrue(present("Expiration Date", "This Agreement shall expire if the Adviser ceases to manage the Fund."));
        assertFalse(present("Expiration Date", "Any warranty claim shall expire if it is not made within the warranty "
                + "period."), "a claim, not the agreement");
    }

    @Test
    void auditRightsAsAccessAtReasonableTimesToTheBooks() {
        assertTrue(present("Audit Rights", "The Supplier shall give the City access at all reasonable times to its books "
                + "and records relating to this Agreement."));
        assertFalse(present("Audit Rights", "The Supplier shall give the City access at all reasonable times to the site "
                + "for deliveries."));
    }

    @Test
    void wordingOfAnotherKindIsExcluded() {
        assertTrue(present("Expiration Date", "This Agreement shall remain in full force and effect until December 31, 2025."));
        assertFalse(present("Expiration Date", "This Agreement shall remain in full force and effect until revoked by any "
                + "party hereto in writing."), "in force until revoked: no end date");
        assertTrue(present("Audit Rights", "The Licensor may inspect the Licensee's premises and records once a year on "
                + "ten days' notice."));
        assertFalse(present("Audit Rights", "Confidential Information means all business information disclosed by the "
                + "Company, whether in writing, orally or by inspection of premises or equipment."), "a confidentiality definition");
        assertTrue(present("Liquidated Damages", "If the Buyer cancels an order, it shall pay the Seller liquidated damages "
                + "equal to ten percent of the price."));
        assertFalse(present("Liquidated Damages", "The Master Franchise Agreement contains a liquidated damages clause, "
                + "which some state laws do not enforce."), "a disclosure about a clause");
        assertTrue(present("Insurance", "The Supplier shall maintain product liability insurance with limits of not less "
                + "than $1,000,000 and name the Buyer as additional insured."));
        assertFalse(present("Insurance", "The Company shall maintain its capital at the level set by the National "
                + "Association of Insurance Commissioners."), "an insurance regulator");
    }

    @Test
    void changeInCapitalStockIsNoChangeOfControl() {
        assertTrue(present("Change Of Control", "Licensee shall notify Licensor of any change in the ownership interests of "
                + "Licensee, and Licensor may terminate this Agreement on such change."));
        assertFalse(present("Change Of Control", "Since the date of the Prospectus there has not been any material change in "
                + "the capital stock or other ownership interests of the Company."), "an underwriting representation");
    }

    @Test
    void booksKeptAndOpenToInspection() {
        assertTrue(present("Audit Rights", "Complete books of account of the transactions of the partnership shall be kept "
                + "at its principal office in accordance with generally accepted accounting principles and shall at all "
                + "reasonable times be open to inspection by any Partner."));
        assertFalse(present("Audit Rights", "Complete books of account of the transactions of the partnership shall be kept "
                + "at its principal office in accordance with generally accepted accounting principles and shall be "
                + "retained for seven years after the end of each fiscal year."), "books kept, not opened to anyone");
    }

    /**
     * The exclusions that keep CUAD's pay letters, merger documents, non-competes and patent-long terms out must not
     * drop the clauses a city's own contracts word with the same words (a review found twelve such sentences lost).
     */
    @Test
    void exclusionsTunedOnCuadKeepTheClausesOfCityContracts() {
        String[][] kept = {
            { "Change Of Control", "If the Vendor undergoes a change of control, the Vendor shall notify the City in writing no "
                    + "later than thirty (30) days prior to the transaction, and the City may terminate this Agreement." },
            { "Change Of Control", "In the event of a change of control of the Vendor, the City may terminate this Agreement by "
                    + "written notice within ninety (90) days after the acquisition." },
            { "Change Of Control", "The Vendor shall obtain the City's prior written consent to any change of control, and the "
                    + "City may approve the transaction or terminate this Agreement." },
            { "Change Of Control", "Upon a change of control of the Contractor, the City may terminate this Agreement, and no "
                    + "bonus or termination fee shall be payable." },
            { "Change Of Control", "Any merger, acquisition or change of control of Vendor requires the City's prior written "
                    + "consent; in connection with the transaction Vendor shall provide the identity of the acquirer." },
            { "Post-Termination Services", "Upon expiration or termination, the Vendor will not restrict the City's right to use "
                    + "the firmware installed on the devices and shall provide security updates for twenty-four (24) months." },
            { "Expiration Date", "This Agreement shall expire on 31 December 2029 unless the Vendor has not completed the "
                    + "installation, in which case it shall remain in force until completion of the installation." },
            { "Post-Termination Services", "Following termination or expiration of this Agreement, the Vendor shall continue "
                    + "to provide the Services for up to six (6) months and shall not restrict or suspend the City's access to "
                    + "City Data during that period." },
            { "Post-Termination Services", "Upon termination of this Agreement, the Contractor shall provide transition "
                    + "assistance to the City and shall not engage in any act that impairs the transfer of the Services to a "
                    + "successor provider." },
            { "Expiration Date", "This Agreement shall commence on the Effective Date and remain in force for a period of three "
                    + "(3) years or until the completion of the Services, whichever is later." },
            { "Expiration Date", "The initial term of this Agreement shall be five (5) years from the Effective Date, and each "
                    + "Statement of Work shall be coterminous with this Agreement." },
            { "Expiration Date", "This Agreement shall remain in force for a period of five (5) years, and the Vendor shall "
                    + "provide spare parts during the term and for two (2) years thereafter." },
        };
        for (String[] clause : kept) {
            assertTrue(present(clause[0], clause[1]), clause[0] + ": " + clause[1]);
        }
        // What the exclusions are for, still left out.
        assertFalse(present("Change Of Control", "Your annual salary in effect immediately prior to the Change in Control "
                + "shall continue to be paid for twelve months after a change in control of the Company."), "pay");
        assertFalse(present("Expiration Date", "This Agreement shall remain in full force and effect until the expiration of "
                + "the last to expire of the Licensed Patents."), "an end tied to patents is no date");
        assertFalse(present("Post-Termination Services", "For a period of one (1) year following the termination of this "
                + "Agreement, Distributor shall not, directly or indirectly, compete with the Company."), "a non-compete");
        assertFalse(present("Post-Termination Services", "For two (2) years after the termination of this Agreement, the "
                + "Consultant shall not engage in any business that competes with the Company."), "a non-compete, worded otherwise");
        assertFalse(present("Change Of Control", "If your employment ends within twelve months after a Change in Control, you "
                + "shall receive a bonus and severance equal to two years of salary."), "an executive's pay");
        assertFalse(present("Expiration Date", "This Agreement shall remain in full force and effect until the completion of "
                + "the Project."), "an end on completion, no date or duration stated");
        assertFalse(present("Expiration Date", "The Vendor shall keep records during the term of this Agreement and for five "
                + "(5) years after the termination."), "a retention duty");
    }
}
