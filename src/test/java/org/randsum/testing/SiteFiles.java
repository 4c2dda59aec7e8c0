package org.randsum.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.mapred.JobConf;

/**
 * A cluster's client configuration written as a real installation lays it out: each key in its own
 * site file (core-site, hdfs-site, mapred-site, yarn-site), and only the keys that differ from
 * Hadoop's defaults. A client that reads such a directory sees mapred-site.xml and yarn-site.xml
 * only once it loads them as Hadoop does, which is the trap a single all-keys file hides.
 */
public final class SiteFiles {
    public static final String CORE = "core-site.xml";
    public static final String HDFS = "hdfs-site.xml";
    public static final String MAPRED = "mapred-site.xml";
    public static final String YARN = "yarn-site.xml";

    private SiteFiles() {
    }

    /** The site file a key belongs in on a standard installation. */
    public static String siteOf(String key) {
        if (key.startsWith("mapreduce.") || key.startsWith("mapred.") || key.startsWith("yarn.app.mapreduce.")) {
            return MAPRED;
        }
        if (key.startsWith("yarn.")) {
            return YARN;
        }
        if (key.startsWith("dfs.")) {
            return HDFS;
        }
        return CORE;
    }

    /**
     * Writes {@code cluster}'s non-default keys, plus {@code extra} (which wins), into the four site
     * files under {@code dir}; returns {@code dir}.
     */
    public static Path write(Configuration cluster, Map<String, String> extra, Path dir) throws IOException {
        Files.createDirectories(dir);
        Configuration defaults = new JobConf();
        defaults.addResource("hdfs-default.xml");
        defaults.addResource("yarn-default.xml");
        Map<String, Configuration> sites = new LinkedHashMap<>();
        for (String site : new String[] {CORE, HDFS, MAPRED, YARN}) {
            sites.put(site, new Configuration(false));
        }
        for (Map.Entry<String, String> entry : cluster) {
            String key = entry.getKey();
            String value = cluster.getRaw(key);
            if (value != null && !value.equals(defaults.getRaw(key))) {
                sites.get(siteOf(key)).set(key, value);
            }
        }
        extra.forEach((key, value) -> sites.get(siteOf(key)).set(key, value));
        for (Map.Entry<String, Configuration> site : sites.entrySet()) {
            writeXml(site.getValue(), dir.resolve(site.getKey()));
        }
        return dir;
    }

    /** One site file, {@code dir/name}, holding {@code keys}: for a file such as EMR's capacity-scheduler.xml. */
    public static Path writeFile(Path dir, String name, Map<String, String> keys) throws IOException {
        Files.createDirectories(dir);
        Configuration conf = new Configuration(false);
        keys.forEach(conf::set);
        return writeXml(conf, dir.resolve(name));
    }

    private static Path writeXml(Configuration conf, Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            conf.writeXml(out);
        }
        return file;
    }

    /**
     * {@link #write} for a client of a minicluster: in the minicluster's own JVM, task class paths are
     * that JVM's, so a client must name the cluster's class path (this JVM's), as
     * {@code mapreduce.application.classpath} does on a real cluster. {@code extra} wins.
     */
    public static Path writeMiniclusterClient(Configuration cluster, Map<String, String> extra, Path dir)
            throws IOException {
        Map<String, String> keys = new LinkedHashMap<>();
        keys.put("yarn.is.minicluster", "false");
        keys.put("mapreduce.application.classpath", System.getProperty("java.class.path"));
        keys.putAll(extra);
        return write(cluster, keys, dir);
    }

    /** A client configuration read from such a directory, as a client with it on its class path has. */
    public static Configuration load(Path dir) {
        Configuration conf = new Configuration();
        for (String site : new String[] {CORE, HDFS, MAPRED, YARN}) {
            conf.addResource(new org.apache.hadoop.fs.Path(dir.resolve(site).toUri()));
        }
        return conf;
    }

    /** The keys one site file holds. */
    public static Configuration read(Path dir, String site) {
        Configuration conf = new Configuration(false);
        conf.addResource(new org.apache.hadoop.fs.Path(dir.resolve(site).toUri()));
        return conf;
    }
}
