/**
 * How a run is planned: n, maps, threads, input, uber mode and hints ({@link org.randsum.plan.RunPlan}),
 * sized from stated facts about where it runs ({@link org.randsum.plan.RunFacts}, {@link
 * org.randsum.plan.DefaultMaps}), and the summing time it should take ({@link
 * org.randsum.plan.SumEstimate}). Pure: no Hadoop types (ArchitectureTest), tested with stated facts;
 * the client answers the facts from Hadoop ({@code HadoopFacts}), the EMR preview from an instance type.
 */
package org.randsum.plan;

import org.randsum.mapreduce.client.HadoopFacts;
