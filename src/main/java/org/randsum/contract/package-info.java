/**
 * The random-stream contract ({@code docs/contract.md}) and its exact, allocation-free kernel.
 * Pure Java, no Hadoop types: the mapper and the in-process engine both build on it unchanged.
 */
package org.randsum.contract;
