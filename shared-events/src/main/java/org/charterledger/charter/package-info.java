/**
 * The charter rules both services apply: pure functions of recorded facts and a date, each citing its article.
 */
package org.charterledger.charter;
