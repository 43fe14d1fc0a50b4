package org.fld4j.cli.common;

import org.fld4j.core.Fld4jVersion;
import picocli.CommandLine;

/** fld4j's version for picocli's {@code --version} and for provenance. */
public final class Version implements CommandLine.IVersionProvider {

    /** E.g. {@code 0.1.0-SNAPSHOT}. */
    public static String fld4j() {
        return Fld4jVersion.current();
    }

    @Override
    public String[] getVersion() {
        return new String[] {"fld4j " + fld4j(), "Java " + System.getProperty("java.version") + " ("
                + System.getProperty("java.vendor") + "), " + System.getProperty("os.name") + " "
                + System.getProperty("os.arch")};
    }
}
