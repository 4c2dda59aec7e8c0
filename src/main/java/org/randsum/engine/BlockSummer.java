package org.randsum.engine;

import org.randsum.contract.Int128;
import org.randsum.contract.SplitDescriptor;
import org.randsum.contract.ValueRange;

/** What a worker does with one block: the kernel in production, a failing or slow one in tests. */
@FunctionalInterface
interface BlockSummer {
    void sum(SplitDescriptor block, ValueRange range, Int128 into);
}
