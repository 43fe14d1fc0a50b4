/**
 * fld4j on Apache Spark: FLD scoring whose result equals one machine's bit for bit ({@link org.fld4j.spark.SparkFld}),
 * and the jobs made of many independent trainings. Spark itself is {@code provided}: the cluster brings it.
 */
package org.fld4j.spark;
