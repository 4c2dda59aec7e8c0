/**
 * The command line: option parsing and validation, help, exit codes and the result's text and JSON
 * forms. Pure Java (Commons CLI only, no Hadoop types), so every rule is testable in isolation.
 */
package org.randsum.cli;
