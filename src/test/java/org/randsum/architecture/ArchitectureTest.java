package org.randsum.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The layers of docs/architecture.md, checked on the compiled main classes: contract at the bottom,
 * the engine on it, the command line free of Hadoop, the input generator on the contract and
 * Hadoop's FileSystem, and the MapReduce job on top of them all.
 */
@AnalyzeClasses(packages = "org.randsum", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    private static final String JAVA = "java..";
    private static final String CONTRACT = "org.randsum.contract..";

    @ArchTest
    static final ArchRule contractIsTheBottom = classes().that().resideInAPackage("org.randsum.contract")
            .should().onlyDependOnClassesThat().resideInAnyPackage(JAVA, "com.sun.management..", "org.randsum.contract")
            .because("the contract is the JDK's alone (KernelSelector asks HotSpot whether C2 runs) and needs no other"
                    + " part of randsum");

    @ArchTest
    static final ArchRule vectorKernelUsesTheContractAndTheVectorApi = classes().that()
            .resideInAPackage("org.randsum.contract.vector..")
            .should().onlyDependOnClassesThat().resideInAnyPackage(JAVA, CONTRACT, "jdk.incubator.vector..");

    @ArchTest
    static final ArchRule onlyTheVectorKernelNamesTheVectorApi = noClasses().that()
            .resideOutsideOfPackage("org.randsum.contract.vector..")
            .should().dependOnClassesThat().resideInAPackage("jdk.incubator.vector..")
            .because("a JVM without the incubator module must never load a class that names it");

    @ArchTest
    static final ArchRule engineUsesTheContractOnly = classes().that().resideInAPackage("org.randsum.engine..")
            .should().onlyDependOnClassesThat().resideInAnyPackage(JAVA, CONTRACT, "org.randsum.engine..");

    @ArchTest
    static final ArchRule cliIsFreeOfHadoop = classes().that().resideInAPackage("org.randsum.cli..")
            .should().onlyDependOnClassesThat().resideInAnyPackage(JAVA, CONTRACT, "org.randsum.cli..",
                    "org.apache.commons.cli..")
            .because("scripts run the command line's checks without Hadoop on the class path");

    @ArchTest
    static final ArchRule inputGeneratorUsesTheContractAndTheFileSystem = classes().that()
            .resideInAPackage("org.randsum.inputgen..")
            .should().onlyDependOnClassesThat().resideInAnyPackage(JAVA, CONTRACT, "org.randsum.inputgen..",
                    "org.apache.hadoop.fs..", "org.apache.hadoop.conf..");

    @ArchTest
    static final ArchRule mapreduceIsOnTop = noClasses().that().resideOutsideOfPackage("org.randsum.mapreduce..")
            .should().dependOnClassesThat().resideInAPackage("org.randsum.mapreduce..");

    @ArchTest
    static final ArchRule runPlanIsFreeOfHadoop = noClasses().that()
            .haveNameMatching("org\\.randsum\\.mapreduce\\.(RunPlan|RunFacts|DefaultMaps)(\\$.*)?")
            .should().dependOnClassesThat().resideInAPackage("org.apache.hadoop..")
            .because("the plan and its sizing rules are tested without Hadoop");

    @ArchTest
    static final ArchRule tasksNeverLoadTheProgressLine = noClasses().that().haveNameMatching(
            "org\\.randsum\\.mapreduce\\..*(RandSumMapper|DescriptorInputFormat|ChunkRecordReader|DescriptorSplit"
                    + "|SplitDescriptorWritable|PartialSumWritable|PartialSumCombiner|TotalReducer|JobSettings"
                    + "|RandSumCounter)(\\$.*)?")
            .should().transitivelyDependOnClassesThat(JavaClass.Predicates.resideInAPackage("org.randsum.cli.progress..")
                    .or(JavaClass.Predicates.simpleName("TerminalProgress")))
            .because("the progress line is the client's: nothing of it may reach a task JVM");
}
