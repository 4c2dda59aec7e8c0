package org.randsum.cli;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What Hadoop's GenericOptionsParser accepts passes the check too (the bad inputs are in
 * {@code BadInputs}, run through the driver and CheckOptions): values as its source reads them, and
 * local files as it looks for them.
 */
class GenericOptionsCheckTest {
    @TempDir
    Path dir;

    @BeforeEach
    void files() throws Exception {
        Files.writeString(dir.resolve("site.xml"), "<?xml version=\"1.0\"?>\n<?xml-stylesheet type=\"text/xsl\""
                + " href=\"configuration.xsl\"?>\n<configuration>\n  <property><name>a</name><value>1</value></property>\n"
                + "</configuration>\n");
        Files.createDirectories(dir.resolve("lib"));
        Files.writeString(dir.resolve("lib").resolve("extra.JAR"), "not really a jar, but named as one");
        Files.writeString(dir.resolve("data.txt"), "data\n");
        Files.write(dir.resolve("tokens"), new byte[] {'H', 'D', 'T', 'S', 1, 0});
    }

    private void accepted(String args) {
        String[] argv = args.replace("DIR", dir.toString()).split(" ");
        assertDoesNotThrow(() -> GenericOptionsCheck.check(argv, dir));
    }

    @ParameterizedTest
    @ValueSource(strings = {"-conf DIR/site.xml -conf site.xml -n 1", "-conf file://DIR/site.xml -n 1"})
    void aWellFormedConfigurationFileAbsoluteRelativeOrFileUriPasses(String args) {
        accepted(args);
    }

    @ParameterizedTest
    @ValueSource(strings = {"-D a=b -n 1", "-Da=b -n 1", "-D a= -n 1", "-D a=b=c -n 1"})
    void definitionsWithAKeyPassEvenWithAnEmptyValue(String args) {
        accepted(args);
    }

    @ParameterizedTest
    @ValueSource(strings = {"-fs local", "-fs file:///", "-fs hdfs://nn:8020", "-fs nn:8020", "-fs s3a://bucket",
        "-fs viewfs://cluster/"})
    void filesystemsHadoopAcceptsPass(String args) {
        accepted(args + " -n 1");
    }

    @ParameterizedTest
    @ValueSource(strings = {"-jt local", "-jt LOCAL", "-jt rm", "-jt rm.example.com:8032", "-jt 10.0.0.1:8032",
        "-jt [::1]:8032"})
    void resourceManagersHadoopAcceptsPass(String args) {
        accepted(args + " -n 1");
    }

    @ParameterizedTest
    @ValueSource(strings = {"-files DIR/data.txt#linked,data.txt,DIR/lib", "-files file://DIR/data.txt",
        "-archives DIR/data.txt#a", "-libjars DIR/lib/*,DIR/lib/extra.JAR", "-libjars lib/*",
        "-tokenCacheFile DIR/tokens"})
    void localFilesThatExistPass(String args) {
        accepted(args + " -n 1");
    }

    /** Files on another filesystem are not this machine's to look for: Hadoop checks them there. */
    @ParameterizedTest
    @ValueSource(strings = {"-files hdfs://nn:8020/missing.txt#m", "-libjars s3a://bucket/missing/*",
        "-archives hdfs:///missing.zip"})
    void entriesOnOtherFilesystemsAreNotLookedFor(String args) {
        accepted(args + " -n 1");
    }

    @ParameterizedTest
    @ValueSource(strings = {"-n 1 -conf missing.xml", "-n 1 -files missing.txt"})
    void optionsAfterRandsumsOwnAreNotGenericOnesAndAreLeftToTheParser(String args) {
        accepted(args);
    }

    /** The syntax check alone reads nothing: a missing file is found only by the local-files check. */
    @ParameterizedTest
    @ValueSource(strings = {"-conf DIR/missing.xml", "-libjars DIR/missing/*", "-tokenCacheFile DIR/missing"})
    void syntaxReadsNoFileButTheLocalCheckDoes(String option) {
        String[] argv = (option.replace("DIR", dir.toString()) + " -n 1").split(" ");
        assertDoesNotThrow(() -> GenericOptionsCheck.syntax(argv));
        UsageException e = assertThrows(UsageException.class, () -> GenericOptionsCheck.localFiles(argv, dir));
        assertTrue(e.getMessage().contains("no such file"), e.getMessage());
    }
}
