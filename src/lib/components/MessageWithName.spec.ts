import { render } from 'svelte/server';
import { describe, expect, it } from 'vitest';
import MessageWithName from './MessageWithName.svelte';

const html = (message: (name: string) => string, name: string) =>
	render(MessageWithName, { props: { message, name } }).body.replace(/<!--.*?-->/g, '');

describe('MessageWithName', () => {
	it('puts the name into the sentence in <bdi>, wherever the message has it', () => {
		expect(html((name) => `العروض في ${name}`, 'Kempten (Allgäu)')).toBe(
			'العروض في <bdi>Kempten (Allgäu)</bdi>'
		);
		expect(html((name) => `${name}: ${name}`, 'Bühl')).toBe('<bdi>Bühl</bdi>: <bdi>Bühl</bdi>');
		expect(html(() => 'Angebote', 'Bühl')).toBe('Angebote');
	});

	it('escapes the name and the message', () => {
		expect(html((name) => `<b>${name}</b>`, '<i>x</i>')).toBe(
			'&lt;b><bdi>&lt;i>x&lt;/i></bdi>&lt;/b>'
		);
	});
});
