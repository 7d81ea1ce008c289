// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/preact'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { OptionsApp } from '../../../src/options/options-app.tsx'
import { DEFAULT_SETTINGS, type Settings } from '../../../src/shared/settings.ts'

function renderOptions(settings: Settings = DEFAULT_SETTINGS) {
  const onChange = vi.fn<(s: Settings) => void>()
  render(
    <OptionsApp
      settings={settings}
      onChange={onChange}
      shortcuts={['Alt+Shift+K', 'Alt+Shift+J']}
      saved={false}
    />,
  )
  return onChange
}

afterEach(cleanup)

describe('the options page', () => {
  it('offers three highlight styles, one of them colour-blind safe', () => {
    const onChange = renderOptions()
    expect(screen.getByRole<HTMLInputElement>('radio', { name: /Background tint/ }).checked).toBe(true)
    expect(screen.getByRole('radio', { name: /Underline/ }).closest('label')?.textContent).toMatch(
      /very long pages/,
    )
    fireEvent.click(screen.getByRole('radio', { name: /Colour-blind safe/ }))
    expect(onChange).toHaveBeenCalledWith({ ...DEFAULT_SETTINGS, highlightStyle: 'colorblind' })
  })

  it('switches entity types on and off', () => {
    const onChange = renderOptions()
    fireEvent.click(screen.getByRole('checkbox', { name: 'Place' }))
    expect(onChange.mock.calls[0]?.[0].types.place).toBe(false)
    expect(onChange.mock.calls[0]?.[0].types.person).toBe(true)
  })

  it('sets the hover delay', () => {
    const onChange = renderOptions()
    const slider = screen.getByRole('slider', { name: 'Hover delay before a card opens' })
    expect(slider.getAttribute('aria-valuetext')).toBe('300 ms')
    fireEvent.input(slider, { target: { value: '600' } })
    expect(onChange.mock.calls[0]?.[0].hoverDelayMs).toBe(600)
  })

  it('adds a site to the disabled list from an address, and removes it', () => {
    const onChange = renderOptions()
    fireEvent.input(screen.getByRole('textbox', { name: /Site/ }), {
      target: { value: 'https://www.News.example.org/world' },
    })
    fireEvent.click(screen.getByRole('button', { name: 'Add site' }))
    expect(onChange.mock.calls[0]?.[0].disabledSites).toEqual(['news.example.org'])
    cleanup()
    const again = renderOptions({ ...DEFAULT_SETTINGS, disabledSites: ['a.example', 'b.example'] })
    fireEvent.click(screen.getByRole('button', { name: 'Remove a.example' }))
    expect(again.mock.calls[0]?.[0].disabledSites).toEqual(['b.example'])
  })

  it('refuses something that is not a site name, and says so', () => {
    const onChange = renderOptions()
    fireEvent.input(screen.getByRole('textbox', { name: /Site/ }), { target: { value: 'not a site' } })
    fireEvent.click(screen.getByRole('button', { name: 'Add site' }))
    expect(onChange).not.toHaveBeenCalled()
    expect(screen.getByRole('alert').textContent).toBe('That is not a site name.')
  })

  it('tells the keyboard shortcuts', () => {
    renderOptions()
    expect(screen.getByText(/Alt\+Shift\+K and Alt\+Shift\+J move through the names/)).toBeTruthy()
  })
})
