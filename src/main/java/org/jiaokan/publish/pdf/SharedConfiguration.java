package org.jiaokan.publish.pdf;

import org.apache.fop.configuration.Configuration;
import org.apache.fop.configuration.ConfigurationException;

/**
 * FOP's configuration, safe to read from the rendering threads. FOP keeps its configuration as a DOM, which the JDK's
 * parser builds with deferred node expansion: nodes are made on first reading, and reading it from several threads at
 * once fails. Every read goes through one lock here (there are a few dozen reads per rendering).
 */
final class SharedConfiguration implements Configuration {
    private final Configuration c;
    private final Object lock;

    SharedConfiguration(Configuration c) { this(c, new Object()); }

    private SharedConfiguration(Configuration c, Object lock) {
        this.c = c;
        this.lock = lock;
    }

    private Configuration wrap(Configuration child) { return child == null ? null : new SharedConfiguration(child, lock); }

    @Override public Configuration getChild(String n) { synchronized (lock) { return wrap(c.getChild(n)); } }
    @Override public Configuration getChild(String n, boolean create) { synchronized (lock) { return wrap(c.getChild(n, create)); } }
    @Override public Configuration[] getChildren(String n) {
        synchronized (lock) {
            Configuration[] k = c.getChildren(n);
            Configuration[] w = new Configuration[k.length];
            for (int i = 0; i < k.length; i++) w[i] = wrap(k[i]);
            return w;
        }
    }
    @Override public String[] getAttributeNames() { synchronized (lock) { return c.getAttributeNames(); } }
    @Override public String getAttribute(String n) throws ConfigurationException { synchronized (lock) { return c.getAttribute(n); } }
    @Override public String getAttribute(String n, String d) { synchronized (lock) { return c.getAttribute(n, d); } }
    @Override public boolean getAttributeAsBoolean(String n, boolean d) { synchronized (lock) { return c.getAttributeAsBoolean(n, d); } }
    @Override public float getAttributeAsFloat(String n) throws ConfigurationException { synchronized (lock) { return c.getAttributeAsFloat(n); } }
    @Override public float getAttributeAsFloat(String n, float d) { synchronized (lock) { return c.getAttributeAsFloat(n, d); } }
    @Override public int getAttributeAsInteger(String n, int d) { synchronized (lock) { return c.getAttributeAsInteger(n, d); } }
    @Override public String getValue() throws ConfigurationException { synchronized (lock) { return c.getValue(); } }
    @Override public String getValue(String d) { synchronized (lock) { return c.getValue(d); } }
    @Override public boolean getValueAsBoolean() throws ConfigurationException { synchronized (lock) { return c.getValueAsBoolean(); } }
    @Override public boolean getValueAsBoolean(boolean d) { synchronized (lock) { return c.getValueAsBoolean(d); } }
    @Override public int getValueAsInteger() throws ConfigurationException { synchronized (lock) { return c.getValueAsInteger(); } }
    @Override public int getValueAsInteger(int d) { synchronized (lock) { return c.getValueAsInteger(d); } }
    @Override public float getValueAsFloat() throws ConfigurationException { synchronized (lock) { return c.getValueAsFloat(); } }
    @Override public float getValueAsFloat(float d) { synchronized (lock) { return c.getValueAsFloat(d); } }
    @Override public String getLocation() { synchronized (lock) { return c.getLocation(); } }
}
