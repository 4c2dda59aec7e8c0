package org.randsum.plan;

/**
 * The few Hadoop keys and defaults that a plan made without Hadoop on the class path needs (the EMR
 * plan preview): Hadoop's own values, stated once here and checked against Hadoop's {@code
 * MRJobConfig} and {@code mapred-default.xml} by {@code HadoopDefaultsTest}. Code with Hadoop on its
 * class path uses Hadoop's constants instead.
 */
public final class HadoopDefaults {
    public static final String MAP_CPU_VCORES = "mapreduce.map.cpu.vcores";
    public static final int MAP_CPU_VCORES_DEFAULT = 1;
    public static final String AM_CPU_VCORES = "yarn.app.mapreduce.am.resource.cpu-vcores";
    public static final int AM_CPU_VCORES_DEFAULT = 1;
    public static final String UBERTASK_ENABLE = "mapreduce.job.ubertask.enable";
    public static final String UBERTASK_MAXMAPS = "mapreduce.job.ubertask.maxmaps";
    public static final int UBERTASK_MAXMAPS_DEFAULT = 9;

    private HadoopDefaults() {
    }
}
