package org.feedhub;
public class FeedhubApplication { public static void main(String[] a){} }
