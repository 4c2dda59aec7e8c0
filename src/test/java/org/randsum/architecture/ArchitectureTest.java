package org.randsum.architecture;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.simpleName;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.randsum.mapreduce.JobSettings;
import org.randsum.mapreduce.RandSumCounter;

/**
 * The layers of docs/architecture.md, checked on the compiled main classes: the contract at the
 * bottom, the kernels and the engine on it, the command line, the plan and the submitter's helpers
 * free of Hadoop, the input generator on the contract and Hadoop's FileSystem, and the MapReduce job
 * on top of them all, its task side apart from its client side.
 */
@AnalyzeClasses(packages = "org.randsum", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    private static final String JAVA = "java..";
    private static final String CONTRACT = "org.randsum.contract..";
    private static final String KERNEL = "org.randsum.kernel";
    private static final String CLI = "org.randsum.cli..";
    private static final String PLAN = "org.randsum.plan..";
    private static final String TASK = "org.randsum.mapreduce.task..";
    private static final String TIMELINE = "org.randsum.timeline..";

    @ArchTest
    static final ArchRule contractIsTheBottom = classes().that().resideInAPackage("org.randsum.contract..")
            .should().onlyDependOnClassesThat().resideInAnyPackage(JAVA, CONTRACT)
            .because("the stream's definition is the JDK's alone");

    @ArchTest
    static final ArchRule kernelsUseTheContract = classes().that().resideInAPackage(KERNEL)
            .should().onlyDependOnClassesThat().resideInAnyPackage(JAVA, "com.sun.management..", CONTRACT, KERNEL)
            .because("KernelSelector asks HotSpot whether C2 runs, and loads the vector kernel by name only");

    @ArchTest
    static final ArchRule vectorKernelUsesTheKernelsAndTheVectorApi = classes().that()
            .resideInAPackage("org.randsum.kernel.vector..")
            .should().onlyDependOnClassesThat().resideInAnyPackage(JAVA, CONTRACT, KERNEL, "org.randsum.kernel.vector..",
                    "jdk.incubator.vector..");

    @ArchTest
    static final ArchRule onlyTheVectorKernelNamesTheVectorApi = noClasses().that()
            .resideOutsideOfPackage("org.randsum.kernel.vector..")
            .should().dependOnClassesThat().resideInAPackage("jdk.incubator.vector..")
            .because("a JVM without the incubator module must never load a class that names it");

    @ArchTest
    static final ArchRule engineUsesTheKernels = classes().that().resideInAPackage("org.randsum.engine..")
            .should().onlyDependOnClassesThat().resideInAnyPackage(JAVA, CONTRACT, KERNEL, "org.randsum.engine..");

    @ArchTest
    static final ArchRule cliIsFreeOfHadoop = classes().that().resideInAPackage(CLI)
            .should().onlyDependOnClassesThat().resideInAnyPackage(JAVA, CONTRACT, KERNEL, CLI, TIMELINE,
                    "org.apache.commons.cli..", "javax.xml.stream..")
            .because("scripts run the command line's checks without Hadoop on the class path (a -conf file's XML is"
                    + " read with the JDK's own parser)");

    @ArchTest
    static final ArchRule planIsFreeOfHadoop = classes().that().resideInAPackage(PLAN)
            .should().onlyDependOnClassesThat().resideInAnyPackage(JAVA, CONTRACT, KERNEL, CLI, PLAN)
            .because("the plan and its sizing rules are tested with stated facts, without Hadoop");

    @ArchTest
    static final ArchRule timelineIsTheJdksAlone = classes().that().resideInAPackage(TIMELINE)
            .should().onlyDependOnClassesThat().resideInAnyPackage(JAVA, TIMELINE)
            .because("the phases' arithmetic and the page are tested with stated task times, without Hadoop");

    @ArchTest
    static final ArchRule submitterHelpersAreFreeOfHadoop = classes().that().resideInAPackage("org.randsum.submit..")
            .should().onlyDependOnClassesThat().resideInAnyPackage(JAVA, CONTRACT, KERNEL, CLI, PLAN,
                    "org.randsum.submit..", "org.apache.commons.cli..")
            .because("scripts/emr-submit runs them with java -cp randsum.jar, on a laptop without Hadoop");

    @ArchTest
    static final ArchRule inputGeneratorUsesTheContractAndTheFileSystem = classes().that()
            .resideInAPackage("org.randsum.inputgen..")
            .should().onlyDependOnClassesThat().resideInAnyPackage(JAVA, CONTRACT, "org.randsum.inputgen..",
                    "org.apache.hadoop.fs..", "org.apache.hadoop.conf..");

    @ArchTest
    static final ArchRule mapreduceIsOnTop = noClasses().that().resideOutsideOfPackage("org.randsum.mapreduce..")
            .should().dependOnClassesThat().resideInAPackage("org.randsum.mapreduce..");

    @ArchTest
    static final ArchRule taskSideNeverReachesTheClientSide = classes().that().resideInAPackage(TASK)
            .should().onlyDependOnClassesThat(resideInAnyPackage(JAVA, CONTRACT, KERNEL, "org.randsum.engine..",
                    "org.randsum.inputgen..", TASK, "org.apache.hadoop..", "org.slf4j..")
                    .or(belongToAnyOf(JobSettings.class, RandSumCounter.class)))
            .because("what runs in the task JVMs (input format, mapper, combiner, reducer, writables) ships to"
                    + " every node and must not load the client's run, checks or command line; they share only"
                    + " the job's keys and counters");

    @ArchTest
    static final ArchRule sharedKeysLeadNowhereElse = classes().that().belongToAnyOf(JobSettings.class)
            .should().onlyDependOnClassesThat().resideInAnyPackage(JAVA, CONTRACT, KERNEL, "org.randsum.engine..",
                    "org.apache.hadoop..", "org.randsum.cli", "org.randsum.mapreduce")
            .because("the task side reads the job's keys here; they lead nowhere the task side may not go");

    @ArchTest
    static final ArchRule checksDoNotReachTheClientsRun = noClasses().that().resideInAPackage("org.randsum.mapreduce.checks..")
            .should().dependOnClassesThat().resideInAnyPackage("org.randsum.mapreduce.client..", TASK)
            .because("the run calls the checks before it writes anything, never the other way round");

    @ArchTest
    static final ArchRule failuresAreFreeOfHadoopTypes = classes().that().resideInAPackage("org.randsum.mapreduce.failure..")
            .should().onlyDependOnClassesThat().resideInAnyPackage(JAVA, CLI, "org.randsum.mapreduce.failure..")
            .because("a failure is classified by type where Hadoop gives one (at the caller), by words only here");

    @ArchTest
    static final ArchRule tasksNeverLoadTheProgressLine = noClasses().that(resideInAPackage(TASK)
                    .or(belongToAnyOf(JobSettings.class, RandSumCounter.class)))
            .should().transitivelyDependOnClassesThat(resideInAPackage("org.randsum.cli.progress..")
                    .or(simpleName("TerminalProgress")))
            .because("the progress line is the client's: nothing of it may reach a task JVM");
}
