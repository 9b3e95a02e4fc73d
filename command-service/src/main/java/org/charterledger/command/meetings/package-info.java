/** Meetings of the General Assembly and the Executive Committee, and who attended them. */
package org.charterledger.command.meetings;
