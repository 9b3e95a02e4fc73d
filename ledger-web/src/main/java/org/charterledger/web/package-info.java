/**
 * What the command and the query service share at their edges: the problem responses and the error pages, the
 * limits on a request, the answer while the database is away, and how the configured users log in (their
 * passwords' check and the throttle on failed logins).
 */
package org.charterledger.web;
