package org.civicsla.core.edit;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.civicsla.core.model.Criticality;
import org.civicsla.core.model.Vendor;

/** A vendor's editable fields as typed; see {@link ContractDraft} for why validation lives here. */
public record VendorDraft(String name, String category, String criticality) {

    public static final String NAME = "name";
    public static final String CATEGORY = "category";
    public static final String CRITICALITY = "criticality";

    public VendorDraft {
        name = name == null ? "" : name.strip();
        category = category == null ? "" : category.strip();
        criticality = criticality == null ? "" : criticality.strip();
    }

    public static VendorDraft of(Vendor v) {
        return new VendorDraft(v.name(), v.category(), v.criticality().name().toLowerCase(Locale.ROOT));
    }

    public VendorDraft with(String field, String text) {
        return switch (field) {
            case NAME -> new VendorDraft(text, category, criticality);
            case CATEGORY -> new VendorDraft(name, text, criticality);
            case CRITICALITY -> new VendorDraft(name, category, text);
            default -> throw new IllegalArgumentException("no vendor field " + field);
        };
    }

    /** The fields by name, in the order an editor shows them. */
    public java.util.Map<String, String> fields() {
        java.util.Map<String, String> f = new java.util.LinkedHashMap<>();
        f.put(NAME, name);
        f.put(CATEGORY, category);
        f.put(CRITICALITY, criticality);
        return f;
    }

    public List<FieldProblem> problems() {
        List<FieldProblem> problems = new ArrayList<>();
        if (name.isEmpty()) {
            problems.add(new FieldProblem(NAME, "Enter the vendor's name: reports and the checklist show it."));
        }
        if (criticality().isEmpty() || java.util.Arrays.stream(Criticality.values()).noneMatch(c -> c.name().equalsIgnoreCase(criticality))) {
            problems.add(new FieldProblem(CRITICALITY, "Choose one of: low, medium, high, critical."));
        }
        return List.copyOf(problems);
    }

    public List<FieldProblem> problems(String field) {
        return problems().stream().filter(p -> p.field().equals(field)).toList();
    }

    /** The vendor with these fields and {@code original}'s id and contacts. */
    public Vendor apply(Vendor original) {
        List<FieldProblem> problems = problems();
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(problems.get(0).field() + ": " + problems.get(0).message());
        }
        return new Vendor(original.id(), name, category, Criticality.valueOf(criticality.toUpperCase(Locale.ROOT)),
                original.contacts());
    }
}
