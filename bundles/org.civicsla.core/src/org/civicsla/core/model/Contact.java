package org.civicsla.core.model;

/** A person to call at a vendor, e.g. the security contact for incident notification. */
public record Contact(String name, String role, String email, String phone) {
    public Contact {
        name = name == null ? "" : name;
        role = role == null ? "" : role;
        email = email == null ? "" : email;
        phone = phone == null ? "" : phone;
    }
}
