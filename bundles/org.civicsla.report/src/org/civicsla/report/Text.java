package org.civicsla.report;

/** Text helpers for reports. */
final class Text {

    private Text() {
    }

    /** At most {@code max} characters, cut at a word and never inside a surrogate pair, with an ellipsis. */
    static String clip(String text, int max) {
        String flat = text.replaceAll("\\s+", " ").strip();
        if (flat.length() <= max) {
            return flat;
        }
        int cut = max;
        if (Character.isLowSurrogate(flat.charAt(cut))) {
            cut--;
        }
        int space = flat.lastIndexOf(' ', cut);
        if (space > max * 2 / 3) {
            cut = space;
        }
        return flat.substring(0, cut).strip() + " …";
    }
}
