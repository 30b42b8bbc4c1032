import { describe, expect, it } from 'vitest';
import { buildMetricQuery } from './build-metric-query';
import { ident, InfluxQlInputError, literal, tagIn } from './influxql';
import { metricCatalog } from './metric-catalog';
import { rangePlans } from './range-plan';

describe('InfluxQL escaping', () => {
  it('quotes identifiers and literals with the escapes InfluxQL knows', () => {
    expect(ident('host')).toBe('"host"');
    expect(ident('a"b\\c')).toBe('"a\\"b\\\\c"');
    expect(literal("it's")).toBe("'it\\'s'");
    // A trailing backslash cannot escape the closing quote (node-influx's stringLit lets it).
    expect(literal('x\\')).toBe("'x\\\\'");
    expect(literal("\\' OR 1=1 --")).toBe("'\\\\\\' OR 1=1 --'");
  });

  it('refuses control characters (they would end the statement)', () => {
    expect(() => literal('a\nDROP DATABASE yunguan')).toThrow(InfluxQlInputError);
    expect(() => ident('a\u0000')).toThrow(InfluxQlInputError);
  });

  it('keeps every hostile value inside its literal', () => {
    for (const v of ["'", "\\'", "a' OR 'a'='a", '"; DROP', "\\\\'", "') OR (1=1"]) {
      const q = tagIn('instance_id', [v]);
      // Unescaped quotes are the literal's own two: strip escapes and count.
      const bare = q.replace(/\\./g, '');
      expect(bare.split("'").length - 1).toBe(2);
    }
  });
});

describe('buildMetricQuery', () => {
  it('a gauge: mean per interval over raw for short ranges', () => {
    const q = buildMetricQuery({
      spec: metricCatalog.server.cpu,
      plan: rangePlans['1h'],
      filter: { tag: 'instance_id', values: ['abc'] },
      groupBy: [],
    });
    expect(q).toBe(
      `SELECT mean("usage_percent") AS "value" FROM "yunguan"."raw"."libvirt_cpu" WHERE ("instance_id" = 'abc') AND time > now() - 3600s GROUP BY time(30s) fill(null)`,
    );
  });

  it('a counter over m5: the rate of the 5-minute means, split by interface', () => {
    const q = buildMetricQuery({
      spec: metricCatalog.server.net_in,
      plan: rangePlans['30d'],
      filter: { tag: 'instance_id', values: ['abc'] },
      groupBy: [],
    });
    expect(q).toContain('non_negative_derivative(mean("mean_rx_bytes"), 1s)');
    expect(q).toContain('"yunguan"."m5"."libvirt_interface"');
    expect(q).toContain('GROUP BY time(7200s), "interface"');
  });

  it('one statement for many series, grouped by their tag (alert evaluation shape)', () => {
    const q = buildMetricQuery({
      spec: metricCatalog.host.cpu,
      plan: { seconds: 300, rp: 'raw', intervalSeconds: 60 },
      filter: { tag: 'host', values: ['h1', 'h2'] },
      groupBy: ['host'],
    });
    expect(q).toBe(
      `SELECT 100 - mean("usage_idle") AS "value" FROM "yunguan"."raw"."cpu" WHERE ("host" = 'h1' OR "host" = 'h2') AND "cpu" = 'cpu-total' AND time > now() - 300s GROUP BY time(60s), "host" fill(null)`,
    );
  });
});
