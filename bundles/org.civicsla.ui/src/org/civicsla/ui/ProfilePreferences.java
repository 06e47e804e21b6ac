package org.civicsla.ui;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;

import org.civicsla.core.check.RequirementProfile;
import org.civicsla.core.check.RequirementProfiles;
import org.eclipse.core.runtime.preferences.InstanceScope;
import org.osgi.service.prefs.BackingStoreException;
import org.osgi.service.prefs.Preferences;

/**
 * The requirement profile the workbench checks with, kept in the workbench's preferences in the same
 * text format as a profile file ({@link RequirementProfiles}), so what a person edits is what
 * {@code civicsla check --profile} reads.
 */
public final class ProfilePreferences {

    private static final String KEY = "requirementProfile";

    private ProfilePreferences() {
    }

    /** The saved profile, or the checklist's default when none is saved or it cannot be read. */
    public static RequirementProfile load() {
        String text = node().get(KEY, "");
        if (text.isBlank()) {
            return RequirementProfiles.defaultProfile();
        }
        try {
            return RequirementProfiles.read(new StringReader(text), "preferences");
        } catch (IOException e) {
            System.getLogger(ProfilePreferences.class.getName()).log(System.Logger.Level.WARNING,
                    "the saved requirement profile cannot be read; using the default", e);
            return RequirementProfiles.defaultProfile();
        }
    }

    /** The profile as editable text. */
    public static String text(RequirementProfile profile) {
        StringWriter out = new StringWriter();
        try {
            RequirementProfiles.write(profile, out);
        } catch (IOException e) {
            throw new IllegalStateException("writing to a string cannot fail", e);
        }
        return out.toString();
    }

    /**
     * Checks and saves an edited profile.
     *
     * @throws IOException saying which line is wrong; nothing is saved then
     */
    public static RequirementProfile save(String text) throws IOException {
        RequirementProfile profile = RequirementProfiles.read(new StringReader(text), "the profile");
        Preferences node = node();
        node.put(KEY, text(profile));
        try {
            node.flush();
        } catch (BackingStoreException e) {
            throw new IOException("cannot save the preferences: " + e.getMessage(), e);
        }
        return profile;
    }

    /**
     * Saves a profile built in the preferences dialog.
     *
     * @throws IOException when the preferences cannot be written; the old profile stays then
     */
    public static RequirementProfile save(RequirementProfile profile) throws IOException {
        return save(text(profile));
    }

    private static Preferences node() {
        return InstanceScope.INSTANCE.getNode(WorkspaceModel.PREFERENCE_NODE);
    }
}
