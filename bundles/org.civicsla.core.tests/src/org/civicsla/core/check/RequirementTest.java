package org.civicsla.core.check;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

import org.junit.jupiter.api.Test;

/** How a found clause meets a requirement's limit: what both the checks and the editor's clause list say. */
class RequirementTest {

    private static final Requirement WITHIN_72_HOURS = new Requirement("Breach Notification", Optional.of("notificationHours"),
            Optional.of(72.0));

    private static ClauseHit stating(Map<String, String> values) {
        return new ClauseHit("C-1", "Breach Notification", "documents/C-1.txt", OptionalInt.empty(), "", 0.9, values);
    }

    @Test
    void aStatedValueIsJudgedAgainstTheLimitAndDaysCountAsHours() {
        assertEquals(Requirement.Verdict.MET, WITHIN_72_HOURS.judge(stating(Map.of("notificationHours", "72"))));
        assertEquals(Requirement.Verdict.OVER_LIMIT, WITHIN_72_HOURS.judge(stating(Map.of("notificationHours", "168"))));
        // Seven days are 168 hours; three days are 72.
        assertEquals(Requirement.Verdict.OVER_LIMIT, WITHIN_72_HOURS.judge(stating(Map.of("notificationDays", "7"))));
        assertEquals(Requirement.Verdict.MET, WITHIN_72_HOURS.judge(stating(Map.of("notificationDays", "3"))));
        assertEquals(Requirement.Verdict.NO_VALUE, WITHIN_72_HOURS.judge(stating(Map.of())));
        assertEquals(Requirement.Verdict.NO_VALUE, WITHIN_72_HOURS.judge(stating(Map.of("notificationHours", "promptly"))));
        // Amounts read as written, with the key's unit where it has one ("allows 5 , more" before).
        assertEquals(Optional.of("168 hours"), WITHIN_72_HOURS.amount(168));
        Requirement outage = new Requirement("Service Levels", Optional.of("maxOutage"), Optional.of(5.0));
        assertEquals(Optional.of("7"), outage.amount(7));
        assertEquals(Optional.of("at most 5"), outage.atMost());
        // Without a limit, a clause found meets the requirement whatever it states.
        assertEquals(Requirement.Verdict.MET, Requirement.of("Breach Notification").judge(stating(Map.of())));
    }
}
