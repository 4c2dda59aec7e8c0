/**
 * What {@code scripts/emr-submit} runs on the submitter's machine, with {@code java -cp randsum.jar}
 * and no Hadoop: {@link org.randsum.submit.CheckOptions} (randsum's own checks of the arguments) and
 * {@link org.randsum.submit.PlanPreview} (the plan and the estimate for a cluster that may not exist
 * yet). Free of Hadoop types (ArchitectureTest).
 */
package org.randsum.submit;
