/**
 * Reports a person reads in a browser: PNG charts (JFreeChart, rendered headless) and one self-contained
 * {@code index.html} beside them, with inline CSS, no scripts and no external addresses, numbers in tables and a
 * short note under every figure on how to read it.
 *
 * <ul>
 *   <li>{@link org.fld4j.cli.report.FldReportAnalysis} computes an {@link org.fld4j.cli.report.FldReportData} from a
 *       trained FLD reference and a generated set; {@link org.fld4j.cli.report.FldReportWriter} writes it.</li>
 *   <li>{@link org.fld4j.cli.report.ExperimentReportWriter} writes the figures of a Gaussian lab run.</li>
 *   <li>{@link org.fld4j.cli.report.ReportFolder} is the only way files are written: into one folder, each file
 *       atomically, never over a folder that holds something else unless asked to.</li>
 * </ul>
 */
package org.fld4j.cli.report;
