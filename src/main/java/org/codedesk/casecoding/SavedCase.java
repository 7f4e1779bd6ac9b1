package org.codedesk.casecoding;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A case a member saved: the note, its date of service and setting, and the codes the member accepted. */
public record SavedCase(long id, Instant savedAt, String title, LocalDate dateOfService, EncounterSetting setting, String text,
                        List<String> codes) { }
