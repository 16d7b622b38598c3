package org.feedhub.fetch;

/**
 * feedhub's version, from the jar manifest (Spring Boot's plugin writes Implementation-Version).
 */
final class Version {
    private Version() {}

    static String current() {
        String v = Version.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }
}
