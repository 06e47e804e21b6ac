package org.civicsla.core.edit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.civicsla.core.model.Contract;
import org.civicsla.core.model.ContractStatus;
import org.civicsla.core.model.DocumentRef;
import org.civicsla.core.model.RenewalKind;
import org.junit.jupiter.api.Test;

class ContractDraftTest {

    static final Contract CONTRACT = new Contract("C-1", "V-1", "RIV-2024-001", "Maintenance",
            Optional.of(LocalDate.of(2024, 3, 1)), 36, RenewalKind.AUTOMATIC, 12, 90, ContractStatus.ACTIVE,
            Optional.of(new BigDecimal("125000.00")), "EUR", List.of("cameras"),
            List.of(new DocumentRef("C-1", "documents/C-1.pdf", "Main agreement")));

    @Test
    void anUnchangedDraftGivesBackTheSameContract() {
        ContractDraft draft = ContractDraft.of(CONTRACT);
        assertEquals(List.of(), draft.problems());
        assertEquals(CONTRACT, draft.apply(CONTRACT));
    }

    @Test
    void editedFieldsAreParsedAndIdentityDocumentsAndCoversKept() {
        Contract changed = ContractDraft.of(CONTRACT).with(ContractDraft.NOTICE, " 45 ").with(ContractDraft.RENEWAL, "Express")
                .with(ContractDraft.START, "2025-01-15").with(ContractDraft.VALUE, "1,500.50").with(ContractDraft.CURRENCY, "usd")
                .apply(CONTRACT);
        assertEquals(45, changed.noticeDays());
        assertEquals(RenewalKind.EXPRESS, changed.renewal());
        assertEquals(Optional.of(LocalDate.of(2025, 1, 15)), changed.start());
        assertEquals(Optional.of(new BigDecimal("1500.50")), changed.value());
        assertEquals("USD", changed.currency());
        assertEquals(CONTRACT.documents(), changed.documents());
        assertEquals(CONTRACT.covers(), changed.covers());
        assertEquals("V-1", changed.vendorId());
    }

    @Test
    void eachBadValueIsReportedOnItsOwnField() {
        ContractDraft draft = ContractDraft.of(CONTRACT).with(ContractDraft.NOTICE, "ninety").with(ContractDraft.START, "1.3.2024")
                .with(ContractDraft.STATUS, "signed").with(ContractDraft.CURRENCY, "euro").with(ContractDraft.NUMBER, " ")
                .with(ContractDraft.VALUE, "-3");
        assertEquals(List.of(ContractDraft.NUMBER, ContractDraft.START, ContractDraft.NOTICE, ContractDraft.STATUS,
                ContractDraft.VALUE, ContractDraft.CURRENCY), draft.problems().stream().map(FieldProblem::field).toList());
        assertEquals("Enter a whole number of days from 0 to 3650.", draft.problems(ContractDraft.NOTICE).get(0).message());
        assertTrue(draft.problems(ContractDraft.STATUS).get(0).message().contains("draft, active, expired, terminated"));
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> draft.apply(CONTRACT));
        assertTrue(refused.getMessage().startsWith("number: "), refused.getMessage());
    }

    @Test
    void rulesAcrossFieldsNameTheFieldToFix() {
        ContractDraft renewsWithoutPeriod = ContractDraft.of(CONTRACT).with(ContractDraft.RENEWAL_PERIOD, "0");
        assertEquals(List.of(ContractDraft.RENEWAL_PERIOD),
                renewsWithoutPeriod.problems().stream().map(FieldProblem::field).toList());
        assertEquals(List.of(), renewsWithoutPeriod.with(ContractDraft.RENEWAL, "none").problems());

        ContractDraft noticeLongerThanTerm = ContractDraft.of(CONTRACT).with(ContractDraft.INITIAL_TERM, "1")
                .with(ContractDraft.NOTICE, "60");
        assertEquals(List.of(ContractDraft.NOTICE), noticeLongerThanTerm.problems().stream().map(FieldProblem::field).toList());
        // Written as asked, but not a day of the calendar: said so, not "enter a date as YYYY-MM-DD".
        assertEquals(List.of("'2024-02-30' is not a date: February 2024 has 29 days."), ContractDraft.of(CONTRACT)
                .with(ContractDraft.START, "2024-02-30").problems().stream().map(FieldProblem::message).toList());
        assertEquals(List.of(ContractDraft.INITIAL_TERM),
                ContractDraft.of(CONTRACT).with(ContractDraft.INITIAL_TERM, "601").problems().stream().map(FieldProblem::field).toList());
    }

    @Test
    void anEmptyStartDateMeansUnknown() {
        assertEquals(Optional.empty(), ContractDraft.of(CONTRACT).with(ContractDraft.START, "").apply(CONTRACT).start());
        assertThrows(IllegalArgumentException.class, () -> ContractDraft.of(CONTRACT).with("colour", "red"));
    }

    @Test
    void vendorDraftsValidateNameAndCriticality() {
        var vendor = new org.civicsla.core.model.Vendor("V-1", "Civic Cloud", "Cloud", org.civicsla.core.model.Criticality.HIGH, List.of());
        assertEquals(vendor, VendorDraft.of(vendor).apply(vendor));
        VendorDraft bad = VendorDraft.of(vendor).with(VendorDraft.NAME, "").with(VendorDraft.CRITICALITY, "urgent");
        assertEquals(List.of(VendorDraft.NAME, VendorDraft.CRITICALITY), bad.problems().stream().map(FieldProblem::field).toList());
        assertEquals(org.civicsla.core.model.Criticality.CRITICAL,
                VendorDraft.of(vendor).with(VendorDraft.CRITICALITY, "Critical").apply(vendor).criticality());
    }
}
