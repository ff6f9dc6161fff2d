package org.comunidad.testsupport;

/**
 * The people of the authorization matrix, all demo users of the real Keycloak, seen
 * from the Security working group ("seguridad") and its victims-assistance subgroup.
 */
public enum Persona {
    /** Forum admin (secretariat): sees everything. */
    ADMIN("admin.prosur"),
    /** Sector coordinator of Security. */
    COORDINATOR("coord.seguridad"),
    /** Leader of the Security subgroup "Asistencia a las víctimas de la DOT". */
    LEADER("lider.victimas"),
    /** Focal point of Peru in Security (and Health), country responsible in all three Security subgroups. */
    MEMBER("pf.peru"),
    /** Focal point of Colombia in Security, in none of its subgroups. */
    GROUP_MEMBER("pf.colombia"),
    /** Focal point of Argentina in Energy only: a member of another group. */
    OTHER_GROUP("pf.argentina"),
    ANONYMOUS(null);

    public final String username;

    Persona(String username) {
        this.username = username;
    }

    public boolean signedIn() {
        return username != null;
    }

    public String token() {
        return Tokens.of(username);
    }

    public io.restassured.specification.RequestSpecification request() {
        io.restassured.specification.RequestSpecification spec = io.restassured.RestAssured.given().redirects().follow(false);
        return signedIn() ? spec.auth().oauth2(token()) : spec;
    }

    /** Expected answers per persona, in the order of the enum: the rows of the access matrices. */
    public static java.util.Map<Persona, Integer> expect(int admin, int coordinator, int leader, int member,
            int groupMember, int otherGroup, int anonymous) {
        java.util.Map<Persona, Integer> map = new java.util.EnumMap<>(Persona.class);
        map.put(ADMIN, admin);
        map.put(COORDINATOR, coordinator);
        map.put(LEADER, leader);
        map.put(MEMBER, member);
        map.put(GROUP_MEMBER, groupMember);
        map.put(OTHER_GROUP, otherGroup);
        map.put(ANONYMOUS, anonymous);
        return map;
    }
}
