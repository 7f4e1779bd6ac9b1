package org.codedesk.assistant.guidelines;

/** One section of the ICD-10-CM Official Guidelines: its path ("I.C.1.d.1"), heading and text. */
public record GuidelineSection(String id, String title, String text) { }
